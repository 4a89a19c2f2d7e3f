#include "serve.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace cycle::site {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t max_request_body = 16 * 1024;
constexpr std::uintmax_t max_file_size = 64 * 1024 * 1024;

std::string http_date(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buffer;
}

std::optional<std::time_t> parse_http_date(const std::string& s) {
    std::tm tm{};
    const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end || *end != '\0') return std::nullopt;
    return timegm(&tm);
}

// The file a request path names inside root, or none: any segment that is
// empty-dot, "..", hidden or holds a backslash or NUL is refused.
std::optional<fs::path> resolve(const fs::path& root, const std::string& path) {
    if (path.empty() || path.front() != '/') return std::nullopt;
    fs::path file = root;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        std::string segment =
            path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        start = slash == std::string::npos ? path.size() + 1 : slash + 1;
        if (segment.empty()) continue;
        if (segment.front() == '.' || segment.find('\\') != std::string::npos ||
            segment.find('\0') != std::string::npos)
            return std::nullopt;
        file /= segment;
    }
    std::error_code ec;
    if (fs::is_directory(file, ec)) file /= "index.html";
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    // Symbolic links must not lead out of the site either.
    auto real = fs::canonical(file, ec);
    auto real_root = fs::canonical(root, ec);
    if (ec) return std::nullopt;
    auto rel = real.lexically_relative(real_root);
    if (rel.empty() || *rel.begin() == "..") return std::nullopt;
    return file;
}

// What tells a changed file: a new size, a new time of modification or of
// status change, or another file moved into its place.
struct stamp {
    bool exists = false;
    std::time_t mtime = 0;
    long mtime_ns = 0;
    off_t size = 0;
    std::time_t ctime = 0;
    long ctime_ns = 0;
    ino_t inode = 0;
    bool operator==(const stamp&) const = default;
};

stamp stamp_of(const fs::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return {};
    return {true,          st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_size,
            st.st_ctim.tv_sec, st.st_ctim.tv_nsec, st.st_ino};
}

}  // namespace

std::string content_type_of(const fs::path& file) {
    auto ext = file.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".ics") return "text/calendar; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".json") return "application/json";
    if (ext == ".tsv") return "text/tab-separated-values; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

struct preview_server::impl {
    serve_options options;
    httplib::Server server;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::vector<stamp> seen;  // the watched files as they were when the server was made

    void handle(const httplib::Request& req, httplib::Response& res) const {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Cache-Control", "no-cache");
        auto file = resolve(options.dir, req.path);
        std::error_code ec;
        if (!file || fs::file_size(*file, ec) > max_file_size) {
            res.status = 404;
            res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        }
        stamp s = stamp_of(*file);
        std::string etag = fmt::format("\"{:x}-{:x}-{:x}\"", s.size, s.mtime, s.mtime_ns);
        res.set_header("ETag", etag);
        res.set_header("Last-Modified", http_date(s.mtime));
        bool not_modified = false;
        if (req.has_header("If-None-Match")) {
            auto tags = req.get_header_value("If-None-Match");
            not_modified = tags == "*" || tags.find(etag) != std::string::npos;
        } else if (req.has_header("If-Modified-Since")) {
            auto since = parse_http_date(req.get_header_value("If-Modified-Since"));
            not_modified = since && s.mtime <= *since;
        }
        if (not_modified) {
            res.status = 304;
            return;
        }
        std::ifstream in(*file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        res.status = 200;
        res.set_content(bytes.str(), content_type_of(*file).c_str());
    }

    void watch_loop() {
        std::unique_lock lock(mutex);
        while (!wake.wait_for(lock, options.poll, [&] { return stopping; })) {
            bool changed = false;
            for (std::size_t k = 0; k < seen.size(); ++k) {
                auto now = stamp_of(options.watch[k]);
                if (!(now == seen[k])) changed = true;
                seen[k] = now;
            }
            if (changed && options.republish) {
                lock.unlock();
                options.republish();
                lock.lock();
            }
        }
    }
};

preview_server::preview_server(serve_options options) : impl_(std::make_unique<impl>()) {
    impl_->options = std::move(options);
    for (const auto& f : impl_->options.watch) impl_->seen.push_back(stamp_of(f));
    auto& s = impl_->server;
    std::size_t threads = std::max<std::size_t>(1, impl_->options.threads);
    s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    s.set_payload_max_length(max_request_body);
    s.set_read_timeout(5, 0);
    s.set_write_timeout(5, 0);
    s.set_keep_alive_max_count(20);
    s.set_keep_alive_timeout(5);
    s.Get(".*",
          [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); });
}

preview_server::~preview_server() = default;

result<int> preview_server::bind() {
    int port = impl_->options.port == 0
                   ? impl_->server.bind_to_any_port(impl_->options.bind)
                   : (impl_->server.bind_to_port(impl_->options.bind, impl_->options.port)
                          ? impl_->options.port
                          : -1);
    if (port < 0)
        return error{
            fmt::format("cannot listen on {} port {}", impl_->options.bind, impl_->options.port),
            {"--port"}};
    return port;
}

void preview_server::run() {
    std::thread watcher;
    if (!impl_->options.watch.empty()) watcher = std::thread([this] { impl_->watch_loop(); });
    impl_->server.listen_after_bind();
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    if (watcher.joinable()) watcher.join();
}

void preview_server::stop() {
    impl_->server.stop();
}

void block_stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void run_until_signalled(preview_server& server) {
    std::atomic<bool> done{false};
    std::thread waiter([&server, &done] {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        int signal = 0;
        sigwait(&set, &signal);
        if (!done) server.stop();
    });
    server.run();
    // The server may have ended by itself (an error): wake the waiter.
    done = true;
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
}

}  // namespace cycle::site
