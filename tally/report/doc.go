// Package report renders what a counting board prints and signs, and what a
// superior committee reads, straight from the library's results: the
// counting minutes (biên bản kiểm phiếu) of every round, and the
// organisation committee's list verdict — as plain text for an 80-column
// printer, cut into numbered pages, and as one self-contained printable HTML
// page (A4 print stylesheet, no network fetches; on screen, an inline SVG
// chart of the votes against the more-than-half line) — and the ballot
// papers (phiếu bầu) of a round, printed from the congress document itself.
//
// Every paper has the layout of the Party's documents: the organisation and
// the issuing body at the top left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place
// and date at the right (Options.Organisation, Place and Date; dotted lines
// to fill in by hand when not given), and "Trang X/Y" on every page.
//
// Reports are in Vietnamese by default, in English on request; percentages
// of the base D are printed with two decimals, truncated (as Party guidance
// and the press do) or rounded half up, as the caller chooses, with a decimal
// comma in Vietnamese. Every figure comes from a tally.Result or a
// rules.Verdict; nothing is computed twice.
package report
