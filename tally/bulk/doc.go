// Package bulk counts large boxes of cross-out ballots at the speed of
// memory: a national congress, a kiosk that counts as ballots are scanned, a
// recount of every chi bộ in the country.
//
// # Terms
//
//   - Hòm phiếu lớn (a large ballot box): ballots by the hundred thousand or
//     the million, for one paper. A [Box] holds them in memory as bit sets; a
//     [Counter] counts them as they come; [Read] counts a ballot file as it
//     reads it. The memory a count needs is bounded by the number of
//     candidates, not of ballots.
//   - Phiếu gạch tên (a cross-out ballot): the ballot paper of a list with
//     surplus (more candidates than seats, [ballot.FormCrossOut]); the voter
//     crosses out the names they do not vote for, and every name left
//     standing gets a vote if the ballot is valid. Only this form is counted
//     here; the agree form (đồng ý / không đồng ý) goes through
//     [github.com/kiemphieu/kiemphieu/tally.CountRound] with its ballots.
//
// A ballot is a bit set over the list, ⌈candidates/64⌉ words of 64 bits, bit
// i set when name i is standing, with the board's [ballot.Flags] and the
// number of names partly struck. A name only partly struck stands or is
// struck as the [ballot.Policy] says, when the ballot enters the bit set,
// exactly as [ballot.Paper.Classify] decides it; under the default policy a
// valid ballot with such a name is counted for the board's review
// ([Count].Review). Each ballot is classified by the
// validity table of [ballot.Paper.Classify] (not issued, more names standing
// than seats, every name struck, a name written in, signed), and the
// standing names of the valid ones are added, sixteen ballots at a time,
// through a carry-save adder tree into bit-sliced counters. A [Count] gives
// the figures of the minutes and, with [Count.Totals], the totals from which
// [github.com/kiemphieu/kiemphieu/tally.CountRound] decides the round.
//
// # Ballot files
//
// A ballot file is UTF-8 text, one line per ballot after a header, as a
// counting board reads a ballot and types it: the numbers of the names it
// finds struck (gạch tên). For a paper of 3 seats and 5 names:
//
//	kiemphieu.ballots/1
//	# Đại hội chi bộ Tân Hòa, bầu chi ủy (comments only in the header)
//	seats 3
//	candidates c1 c2 c3 c4 c5
//	---
//	1 2
//	5
//
//	1 2 ~4
//	2 4 | signed
//	| not-issued
//
// The header is the line kiemphieu.ballots/1, the line "seats N", the line
// "candidates" followed by the ids in ballot order (valid
// [ballot.CandidateID]s), and the line "---"; blank lines and lines starting
// with "#" may come between them. Every line after "---" is a ballot: the
// 1-based numbers of the names struck, in any order, separated by single
// spaces; "~k" for name k partly struck; an empty line for a ballot with
// nothing struck; then, optionally, " | " and the codes of the flags
// ([ballot.ParseFlag]: not-issued, written-in, signed) separated by single
// spaces ("| signed" alone when nothing is struck). A line may end in "\r\n";
// the end of the last line may be left out, so a file ending in an empty
// ballot ends with an empty line. Above, the ballots are: c3, c4, c5 stand
// (valid); c1 to c4 stand (too many for 3 seats); all five stand (too many);
// c3 and c5 stand and c4 is partly struck (valid; c4 has a vote and the
// board looks at the ballot under the default policy, not under
// PartlyStruckIsStruck); signed; not issued.
//
// [Read] rejects a file with any bad line and reports each bad line (up to
// [MaxErrors]) in a [ballot.ErrorList] at the path "line n" ([LinePath]),
// with a stable code: a number outside the list, a name or flag twice, a
// stray space or character, an unknown flag, a missing header line. A
// [Writer] writes the canonical form: numbers ascending, flags in bit order.
package bulk
