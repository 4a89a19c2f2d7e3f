// serve.hpp — `cycle serve`: a preview server for a published site
// (docs/publish.md, "Preview"). Built on cpp-httplib (Debian's
// libcpp-httplib-dev); production hosting is a real web server.
//
// Serves the files of one directory: GET and HEAD; text/calendar;
// charset=utf-8 for feeds; ETag and Last-Modified, with 304 for a
// conditional request that still holds; 404 for any path that leaves the
// directory (.., encoded or not) or names a hidden file. A fixed pool of
// threads, request bodies and headers bounded, read timeouts. When files to
// watch change (the calendar, the plan files), `republish` runs.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cycle/error.hpp"

namespace cycle::site {

struct serve_options {
    std::filesystem::path dir;
    std::string bind = "127.0.0.1";
    int port = 8000;  // 0: a free port the system picks
    std::size_t threads = 4;
    std::vector<std::filesystem::path> watch;  // republish when one of these changes
    std::function<void()> republish;
    std::chrono::milliseconds poll{500};
};

class preview_server {
public:
    // Notes how the files to watch are now: a change from here on republishes.
    explicit preview_server(serve_options options);
    ~preview_server();
    preview_server(const preview_server&) = delete;
    preview_server& operator=(const preview_server&) = delete;

    // Binds the address; the port bound (the one picked for port 0).
    result<int> bind();
    // Serves until stop(); then returns.
    void run();
    // From any thread.
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// Runs a bound server until SIGTERM or SIGINT, then stops it cleanly.
// Call before any other thread is started: it blocks those signals.
void run_until_signalled(preview_server& server);

// Blocks SIGTERM and SIGINT in the calling thread (and the threads it
// starts afterwards), so that run_until_signalled receives them.
void block_stop_signals();

// "text/calendar; charset=utf-8" for feed.ics, ...
std::string content_type_of(const std::filesystem::path& file);

}  // namespace cycle::site
