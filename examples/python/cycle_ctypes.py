"""libcycle's C API (cycle.h) from Python, through ctypes. No build step:
point it at libcycle_c.so.

    cycle = Cycle("/usr/local/lib/libcycle_c.so")
    with cycle.default_calendar() as cal, cal.plan(2026) as plan:
        print(plan.query(audience="eda", start="2026-09-01"))

Every call that fails raises CycleError with the status and the message the
library returned (file:line:col: error: ...); handles are freed on close()
or at the end of a with block.
"""
import ctypes
import ctypes.util
import json

_p = ctypes.c_void_p  # opaque handles, and strings the caller must free


class CycleError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class _Handle:
    def __init__(self, cycle, handle, free):
        self._cycle, self._handle, self._free = cycle, handle, free

    def close(self):
        if self._handle:
            self._free(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Calendar(_Handle):
    def plan(self, year=0, plan_toml=None, plan_name=None):
        """A plan of one calendar year of the cycle, or all of it (year 0)."""
        out = _p()
        self._cycle._call("cycle_plan_make", None, self._handle, year, _b(plan_toml), _b(plan_name), ctypes.byref(out))
        return Plan(self._cycle, out, self._cycle.lib.cycle_plan_free)


class Plan(_Handle):
    def query(self, audience=None, start=None, end=None):
        """The occurrences concerning audience from start to end, as parsed JSON."""
        return json.loads(self._cycle._text("cycle_plan_query_json", self._handle, _b(audience), _b(start), _b(end)))


class Plugins(_Handle):
    def load(self, path):
        """Loads a plugin library or a directory of them; CycleError lists those refused."""
        self._cycle._call("cycle_plugins_load", self._handle, _b(path))

    def list(self):
        return json.loads(self._cycle._text("cycle_plugins_list_json", self._handle))

    def check(self, plan, today=None, partial=True):
        """The findings; partial=False also reports required occurrences absent from the plan file
        ("missing"), as `cycle check` without --partial."""
        return json.loads(self._cycle._text("cycle_check_json_with", self._handle, plan._handle, _b(today),
                                            1 if partial else 0))["findings"]

    def export(self, plan, fmt, audience=None, now=None):
        """The export; now: the publishing time (seconds since 1970, UTC) for reproducible output."""
        if now is None:
            return self._cycle._text("cycle_export", self._handle, plan._handle, _b(fmt), _b(audience))
        return self._cycle._text("cycle_export_at", self._handle, plan._handle, _b(fmt), _b(audience), None, 0,
                                 None, now)


def _b(text):
    return None if text is None else text.encode()


class Cycle:
    # name: argument types before the trailing char** error
    _signatures = {
        "cycle_calendar_load_file": [ctypes.c_char_p, ctypes.POINTER(_p)],
        "cycle_calendar_load_string": [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_p)],
        "cycle_calendar_default": [ctypes.POINTER(_p)],
        "cycle_plan_make": [_p, _p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_p)],
        "cycle_plan_query_json": [_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_p)],
        "cycle_plugins_new": [ctypes.POINTER(_p)],
        "cycle_plugins_load": [_p, ctypes.c_char_p],
        "cycle_plugins_list_json": [_p, ctypes.POINTER(_p)],
        "cycle_check_json": [_p, _p, ctypes.c_char_p, ctypes.POINTER(_p)],
        "cycle_check_json_with": [_p, _p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(_p)],
        "cycle_export_at": [_p, _p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                            _p, ctypes.c_longlong, ctypes.POINTER(_p)],
        "cycle_export": [_p, _p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_p)],
    }

    def __init__(self, library=None):
        path = library or ctypes.util.find_library("cycle_c")
        if not path:
            raise OSError("libcycle_c not found: pass its path")
        self.lib = ctypes.CDLL(path)
        for name, args in self._signatures.items():
            f = getattr(self.lib, name)
            f.argtypes = args + [ctypes.POINTER(_p)]
            f.restype = ctypes.c_int
        for name in ("cycle_string_free", "cycle_calendar_free", "cycle_plan_free", "cycle_plugins_free"):
            getattr(self.lib, name).argtypes = [_p]
            getattr(self.lib, name).restype = None
        self.lib.cycle_version.restype = ctypes.c_char_p
        self.version = self.lib.cycle_version().decode()

    def _take(self, p):
        try:
            return ctypes.string_at(p.value).decode() if p.value else ""
        finally:
            self.lib.cycle_string_free(p)

    def _call(self, name, *args):
        error = _p()
        status = getattr(self.lib, name)(*args, ctypes.byref(error))
        message = self._take(error)
        if status != 0:
            raise CycleError(status, message)

    def _text(self, name, *args):
        out = _p()
        self._call(name, *args, ctypes.byref(out))
        return self._take(out)

    def default_calendar(self):
        out = _p()
        self._call("cycle_calendar_default", ctypes.byref(out))
        return Calendar(self, out, self.lib.cycle_calendar_free)

    def load_calendar(self, path):
        out = _p()
        self._call("cycle_calendar_load_file", _b(path), ctypes.byref(out))
        return Calendar(self, out, self.lib.cycle_calendar_free)

    def plugins(self):
        out = _p()
        self._call("cycle_plugins_new", ctypes.byref(out))
        return Plugins(self, out, self.lib.cycle_plugins_free)
