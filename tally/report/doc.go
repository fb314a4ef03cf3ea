// Package report renders what a counting board prints and signs, and what a
// superior committee reads, straight from the library's results: the
// counting minutes (biên bản kiểm phiếu) of every round, and the
// organisation committee's list verdict — as plain text for an 80-column
// printer and as one self-contained printable HTML page (A4 print
// stylesheet, an inline SVG chart of the votes against the more-than-half
// line, no network fetches).
//
// Reports are in Vietnamese by default, in English on request; percentages
// of the base D are printed with two decimals, truncated (as Party guidance
// and the press do) or rounded half up, as the caller chooses, with a decimal
// comma in Vietnamese. Every figure comes from a tally.Result or a
// rules.Verdict; nothing is computed twice.
package report
