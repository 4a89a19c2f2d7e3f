// cycle serve: a real HTTP client (cpp-httplib's) against the preview server
// on loopback, and the same client against Debian's nginx serving a
// published site with the configuration docs/publish.md gives.
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <regex>
#include <thread>

#include "support.hpp"

extern char** environ;

namespace fs = std::filesystem;
using cycle::test::read_file;

namespace {

// A child process whose standard output we read line by line.
class child {
public:
    explicit child(std::vector<std::string> argv) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<char*> args;
        for (auto& a : argv) args.push_back(a.data());
        args.push_back(nullptr);
        REQUIRE(posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        out_ = fds[0];
    }
    ~child() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(out_);
    }
    // The next line of output, waiting at most `timeout`; empty at the end.
    std::string line(std::chrono::seconds timeout = std::chrono::seconds{20}) {
        auto until = std::chrono::steady_clock::now() + timeout;
        while (true) {
            auto nl = buffer_.find('\n');
            if (nl != std::string::npos) {
                auto l = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                return l;
            }
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            if (left.count() <= 0) return {};
            pollfd p{out_, POLLIN, 0};
            if (::poll(&p, 1, int(left.count())) <= 0) return {};
            char chunk[4096];
            auto n = ::read(out_, chunk, sizeof chunk);
            if (n <= 0) return {};
            buffer_.append(chunk, std::size_t(n));
        }
    }
    // Sends a signal and waits: the exit status, or -1 if it did not exit normally.
    int stop(int signal) {
        ::kill(pid_, signal);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int out_ = -1;
    std::string buffer_;
};

int port_from(const std::string& line) {
    std::smatch m;
    if (!std::regex_search(line, m, std::regex(R"(http://127\.0\.0\.1:([0-9]+)/)"))) return 0;
    return std::stoi(m[1]);
}

// A port nobody listens on now (for nginx, which cannot be given port 0).
int free_port() {
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    int port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

void publish(const fs::path& site) {
    auto r = cycle::test::run_cycle("publish --today 2026-09-20 --out '" + site.string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

// Every feed answers 200 with text/calendar; charset=utf-8, then 304 to a
// request that sends its ETag back, and 304 to one with its Last-Modified.
void every_feed_200_then_304(httplib::Client& client, const fs::path& site) {
    int feeds = 0;
    for (const auto& e : fs::directory_iterator(site / "feeds")) {
        if (e.path().extension() != ".ics") continue;
        ++feeds;
        std::string path = "/feeds/" + e.path().filename().string();
        INFO(path);
        auto first = client.Get(path.c_str());
        REQUIRE(first);
        CHECK(first->status == 200);
        CHECK(first->get_header_value("Content-Type") == "text/calendar; charset=utf-8");
        CHECK(first->body == read_file(e.path()));
        auto etag = first->get_header_value("ETag");
        REQUIRE(!etag.empty());
        auto again = client.Get(path.c_str(), {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
        auto since = client.Get(path.c_str(),
                                {{"If-Modified-Since", first->get_header_value("Last-Modified")}});
        REQUIRE(since);
        CHECK(since->status == 304);
    }
    CHECK(feeds >= 30);
}

// The threads of a process now: the entries of /proc/PID/task.
std::size_t threads_of(pid_t pid) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e :
         fs::directory_iterator(fs::path("/proc") / std::to_string(pid) / "task"))
        ++n;
    return n;
}

// A raw TCP connection to the server, for clients that misbehave.
int connect_to(int port) {
    int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(std::uint16_t(port));
    REQUIRE(::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return s;
}

}  // namespace

TEST_CASE(
    "serve: more slow and keep-alive clients than threads: the threads stay as many, and it goes "
    "on answering") {
    cycle::test::temp_dir dir;
    auto site = dir / "site";
    publish(site);
    constexpr int pool = 2;
    child server(
        {CYCLE_CLI, "serve", site.string(), "--port", "0", "--threads", std::to_string(pool)});
    int port = 0;
    while (port == 0) {
        auto line = server.line();
        REQUIRE(!line.empty());
        port = port_from(line);
    }
    // One request answered: the pool is up.
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30, 0);
    REQUIRE(client.Get("/"));
    const std::size_t before = threads_of(server.pid());
    INFO("threads before: " << before);
    CHECK(before <= pool + 4);  // the pool, the listener, the main thread, the signal waiter

    // Three times the pool: clients that send half a request and stop, and
    // clients that keep the connection alive after one request, unread.
    std::vector<int> sockets;
    for (int k = 0; k < 3 * pool; ++k) {
        int s = connect_to(port);
        const std::string request =
            k % 2 ? "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
                  : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        REQUIRE(::send(s, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size()));
        sockets.push_back(s);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const std::size_t during = threads_of(server.pid());
    INFO("threads with " << sockets.size() << " clients holding connections: " << during);
    CHECK(during <= before);

    // A well-behaved client is still answered: the held connections time out
    // (5 s read and keep-alive timeouts) and free the threads.
    const auto start = std::chrono::steady_clock::now();
    auto r = client.Get("/feeds/eda.ics");
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    INFO("answered after " << waited.count() << " ms");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == read_file(site / "feeds/eda.ics"));
    CHECK(threads_of(server.pid()) <= before);
    for (int s : sockets) ::close(s);
    CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("serve: types, 304, HEAD, no way out of the site, bounded requests, republish, SIGTERM") {
    cycle::test::temp_dir dir;
    auto calendar = dir / "wheel.toml";
    fs::copy_file(std::string(CYCLE_SOURCE_DIR) + "/calendars/nya-perspektiv-2025-2028.toml",
                  calendar);
    auto site = dir / "site";
    child server({CYCLE_CLI, "serve", site.string(), "--port", "0", "--calendar", calendar.string(),
                  "--today", "2026-09-20"});
    std::string line;
    int port = 0;
    while (port == 0) {
        line = server.line();
        REQUIRE(!line.empty());
        port = port_from(line);
    }
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);

    auto index = client.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->body == read_file(site / "index.html"));
    auto svg = client.Get("/wheel-2026.svg");
    REQUIRE(svg);
    CHECK(svg->get_header_value("Content-Type") == "image/svg+xml");
    every_feed_200_then_304(client, site);

    auto head = client.Head("/feeds/eda.ics");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Length") ==
          std::to_string(fs::file_size(site / "feeds/eda.ics")));

    for (const char* path :
         {"/../wheel.toml", "/%2e%2e/wheel.toml", "/feeds/..%2f..%2fwheel.toml",
          "/feeds/%2E%2E/%2E%2E/wheel.toml", "/..%5c..%5cwheel.toml", "/.cycle-site",
          "/feeds/%00eda.ics", "/no-such-page.html", "/../../../../etc/passwd"}) {
        INFO(path);
        auto r = client.Get(path);
        REQUIRE(r);
        CHECK(r->status == 404);
        CHECK(r->body.find("Nya perspektiv") == std::string::npos);
    }

    // An oversized header or body is refused, and the server goes on.
    auto big = client.Get("/", {{"X-Big", std::string(64 * 1024, 'a')}});
    CHECK((!big || big->status >= 400));
    auto body = client.Post("/", std::string(1024 * 1024, 'b'), "text/plain");
    CHECK((!body || body->status >= 400));
    auto still = client.Get("/");
    REQUIRE(still);
    CHECK(still->status == 200);

    // A change to the calendar publishes the site again.
    auto text = read_file(calendar);
    text.replace(text.find("title = \"Nya perspektiv – årshjul 2025–2028\""),
                 std::string("title = \"Nya perspektiv – årshjul 2025–2028\"").size(),
                 "title = \"Ändrat årshjul 2025–2028\"");
    cycle::test::write_file(calendar, text);
    bool republished = false;
    for (int k = 0; k < 300 && !republished; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        auto r = client.Get("/");
        republished = r && r->body.find("Ändrat årshjul") != std::string::npos;
    }
    if (!republished) {
        std::string said;
        for (auto l = server.line(std::chrono::seconds{1}); !l.empty();
             l = server.line(std::chrono::seconds{1}))
            said += l + "\n";
        INFO("the server said:\n" << said);
        CHECK(republished);
    }

    CHECK(server.stop(SIGTERM) == 0);
    auto after = client.Get("/");
    CHECK(!after);
}

TEST_CASE("serve: binds 127.0.0.1 by default, a missing directory is an error") {
    cycle::test::temp_dir dir;
    auto r = cycle::test::run_cycle("serve '" + (dir / "nothing").string() + "' --port 0");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no such directory") != std::string::npos);
    auto help = cycle::test::run_cycle("serve --help");
    CHECK(help.out.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("nginx: the configuration in docs/publish.md serves every feed with 200, then 304") {
    // Debian's nginx, started by the test in its own prefix on a free
    // loopback port, in the foreground, as no system service.
    const std::string nginx = "/usr/sbin/nginx";
    REQUIRE(fs::exists(nginx));
    cycle::test::temp_dir dir;
    auto site = dir / "site";
    publish(site);
    fs::permissions(dir.path(),
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);

    // The server block exactly as the documentation shows it.
    auto server_block = read_file(std::string(CYCLE_SOURCE_DIR) + "/docs/nginx-site.conf");
    REQUIRE(read_file(std::string(CYCLE_SOURCE_DIR) + "/docs/publish.md").find(server_block) !=
            std::string::npos);
    int port = free_port();
    server_block = std::regex_replace(server_block, std::regex(R"(listen 80;)"),
                                      "listen 127.0.0.1:" + std::to_string(port) + ";");
    server_block = std::regex_replace(server_block, std::regex(R"(root /var/www/arshjul;)"),
                                      "root " + site.string() + ";");
    fs::create_directories(dir / "logs");
    cycle::test::write_file(
        dir / "nginx.conf",
        "daemon off;\nmaster_process off;\nworker_processes 1;\npid " +
            (dir / "nginx.pid").string() + ";\nerror_log " + (dir / "logs/error.log").string() +
            " warn;\nevents { worker_connections 64; }\nhttp {\n"
            "include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\n"
            "access_log off;\n"
            "client_body_temp_path " +
            (dir / "body").string() +
            ";\n"
            "proxy_temp_path " +
            (dir / "proxy").string() +
            ";\n"
            "fastcgi_temp_path " +
            (dir / "fastcgi").string() +
            ";\n"
            "uwsgi_temp_path " +
            (dir / "uwsgi").string() +
            ";\n"
            "scgi_temp_path " +
            (dir / "scgi").string() + ";\n" + server_block + "}\n");
    child server({nginx, "-p", dir.path().string(), "-c", (dir / "nginx.conf").string()});
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    bool up = false;
    for (int k = 0; k < 100 && !up; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        up = static_cast<bool>(client.Get("/"));
    }
    INFO(read_file(dir / "logs/error.log"));
    REQUIRE(up);
    every_feed_200_then_304(client, site);
    auto index = client.Get("/", {{"Accept-Encoding", "gzip"}});
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(client.Get("/feeds/feed-state.tsv")->status == 404);
    CHECK(client.Get("/.cycle-site")->status == 404);
    CHECK(server.stop(SIGQUIT) >= -1);
}

TEST_CASE("serve: publishes again when the calendar named by cycle.toml changes",
          "[serve][project]") {
    cycle::test::temp_dir dir;
    const auto calendar = dir / "wheel.toml";
    std::string text = read_file(cycle::test::check_wheel);
    cycle::test::write_file(calendar, text);
    cycle::test::write_file(dir / "cycle.toml", "calendar = \"wheel.toml\"\n");
    cycle::test::write_file(dir / "plan.toml", "calendar = \"check-wheel\"\n");
    const auto site = dir / "site";
    // Run inside the project, with no --calendar: the plan makes it publish.
    child server({"/bin/sh", "-c",
                  "cd '" + dir.path().string() + "' && exec '" + CYCLE_CLI +
                      "' serve site --port 0 --plan plan.toml --today 2026-09-20"});
    int port = 0;
    while (port == 0) {
        const std::string line = server.line();
        REQUIRE(!line.empty());
        port = port_from(line);
    }
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    auto first = client.Get("/");
    REQUIRE(first);
    REQUIRE(first->body.find("Testhjul") != std::string::npos);

    const std::string title = "title = \"Testhjul för cycle check 2025–2026\"";
    text.replace(text.find(title), title.size(), "title = \"Ändrat testhjul\"");
    cycle::test::write_file(calendar, text);
    bool republished = false;
    for (int k = 0; k < 300 && !republished; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        auto r = client.Get("/");
        republished = r && r->body.find("Ändrat testhjul") != std::string::npos;
    }
    CHECK(republished);
    CHECK(server.stop(SIGTERM) == 0);
}
