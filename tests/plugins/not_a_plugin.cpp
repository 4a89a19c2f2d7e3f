// A shared library that is not a cycle plugin: no cycle_plugin_info.
extern "C" __attribute__((visibility("default"))) int cycle_test_not_a_plugin() {
    return 42;
}
