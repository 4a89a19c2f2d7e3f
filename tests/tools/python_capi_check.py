"""The C API from Python through examples/python/cycle_ctypes.py, against a
built libcycle_c (tests/c_api_test.cpp): a non-UTF-8 audience name comes back
in a message Python can decode, full checks reach "missing", and the
publishing time is a parameter. Prints "ok" lines; exits non-zero on failure.
usage: python_capi_check.py SOURCE_DIR LIBCYCLE_C"""
import sys

sys.path.insert(0, sys.argv[1] + "/examples/python")
import cycle_ctypes  # noqa: E402

cycle = cycle_ctypes.Cycle(sys.argv[2])
with cycle.default_calendar() as cal:
    fixed = ('calendar = "nya-perspektiv-2025-2028"\n[[occurrence]]\nevent = "local-dialogue"\n'
             'member = "eda"\nyear = 2026\ndate = 2026-10-12\n')
    with cal.plan(2026, fixed, "plans/2026.toml") as plan:
        try:
            plan.query(audience=None, start=None, end=None)
            cycle._text("cycle_plan_query_json", plan._handle, b"ed\xe5", None, None)
            raise SystemExit("an unknown audience was accepted")
        except cycle_ctypes.CycleError as e:  # decoding did not raise UnicodeDecodeError
            assert "unknown audience 'ed\\xE5'" in str(e), str(e)
            print("ok utf-8")
        with cycle.plugins() as plugins:
            assert plugins.check(plan) == [], "partial check"
            missing = plugins.check(plan, partial=False)
            assert missing and all(f["rule"] == "missing" for f in missing), missing
            print("ok missing")
            a = plugins.export(plan, "ics", now=1767225600)
            b = plugins.export(plan, "ics", now=1767225600)
            assert a == b and "DTSTAMP:20260101T000000Z" in a
            print("ok now")
