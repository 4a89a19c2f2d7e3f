// vevent_maker.hpp — one VEVENT's content lines for an occurrence
// (feed_writer.hpp says what a feed holds): its times, title, description,
// categories and alarms. What is the same for every occurrence of an event
// or body (URL, source, names, ORGANIZER lines) is made once per export.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/occurrence.hpp"
#include "feed_writer.hpp"

namespace cycle::ical {

// A body's name by id; an unknown id stands for itself.
std::string body_name(const calendar& cal, std::string_view id);

class vevent_maker {
public:
    vevent_maker(const calendar& cal, const feed_settings& settings);
    ~vevent_maker();

    // One VEVENT's content lines from DTSTART to X-CYCLE-NOTE into `props`
    // (the first of them, up to SUMMARY, are its times and title: `kept`
    // bytes), and its VALARMs into `alarms`.
    result<bool> make(const occurrence& o, std::string& props, std::string& alarms,
                      std::size_t& kept);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace cycle::ical
