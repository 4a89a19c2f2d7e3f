/* libical parses a feed and counts its events: the time and memory a parse
 * costs, the floor for `cycle import ics`.
 *
 *   cc -O2 bench/peers/libical_parse.c $(pkg-config --cflags --libs libical) -o libical_parse
 *   ./libical_parse feed.ics
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE.ics\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 2;
  }
  text[size] = '\0';
  fclose(f);
  icalcomponent *cal = icalparser_parse_string(text);
  free(text);
  if (!cal) {
    fprintf(stderr, "%s: not iCalendar\n", argv[1]);
    return 1;
  }
  int events = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
  printf("%d\n", events);
  icalcomponent_free(cal);
  return 0;
}
