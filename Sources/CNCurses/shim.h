// ncursesw as Swift sees it. The wide-character API only exists with NCURSES_WIDECHAR defined before the
// header (Swift's importer does not define _XOPEN_SOURCE). Macros and globals Swift cannot import, or that
// Swift 6 rejects as not concurrency-safe, are wrapped in small inline functions prefixed `oncall_`.
#ifndef ONCALL_CNCURSES_SHIM_H
#define ONCALL_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>

// glibc only declares wcwidth with _XOPEN_SOURCE; re-declare it.
extern int wcwidth(wchar_t c);

static inline attr_t oncall_a_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t oncall_a_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t oncall_a_dim(void) { return (attr_t)A_DIM; }
static inline attr_t oncall_a_underline(void) { return (attr_t)A_UNDERLINE; }
static inline attr_t oncall_a_normal(void) { return (attr_t)A_NORMAL; }

static inline WINDOW *oncall_stdscr(void) { return stdscr; }
static inline int oncall_cols(void) { return COLS; }
static inline int oncall_lines(void) { return LINES; }
static inline int oncall_colors(void) { return COLORS; }
static inline int oncall_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *oncall_stdout(void) { return stdout; }
static inline FILE *oncall_stdin(void) { return stdin; }

static inline int oncall_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int oncall_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

static inline int oncall_wcwidth(wchar_t c) { return wcwidth(c); }

/// Draws one complex character (base + combining marks) with attributes and a colour pair at (y, x).
static inline int oncall_mvadd_wchars(WINDOW *w, int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

/// The terminal's "to status line" capability (tmux and xterm-likes with a status line), or NULL.
static inline const char *oncall_tsl(void) {
    const char *s = tigetstr("tsl");
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

/// A string capability of the current terminal (`rmcup`, `cnorm`...), or NULL when it has none.
static inline const char *oncall_tigetstr(const char *name) {
    const char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

/// The terminal's "from status line" capability, or NULL.
static inline const char *oncall_fsl(void) {
    const char *s = tigetstr("fsl");
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

// Last: term.h defines lower-case capability macros (`lines`, `columns`...) that would clash with C above.
#include <term.h>

/// Whether `term` names a terminal description usable for a full-screen program, without touching the
/// screen and without exiting (unlike initscr). 1 usable, 0 unknown name, -1 no terminfo database,
/// 2 known but without cursor addressing (e.g. `dumb`).
static inline int oncall_terminal_usable(const char *term, int fd) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, fd, &err) != OK) {
        set_curterm(saved);
        return err == -1 ? -1 : 0;
    }
    const char *cup = tigetstr("cup");
    int ok = (cup != NULL && cup != (char *)-1);
    TERMINAL *probe = set_curterm(saved);
    if (probe != NULL && probe != saved) del_curterm(probe);
    return ok ? 1 : 2;
}

#endif
