// Package tally counts the rounds of voting of a congress and returns a
// verdict for every round of every contest: who is elected (trúng cử), who
// qualified, who is tied, how many seats are left, and what the congress must
// decide next.
//
// # Terms
//
//   - Kiểm phiếu: the count, done by the counting board (ban kiểm phiếu) from
//     the ballots ([CountRound] classifies each with package ballot) or from
//     the totals it wrote down.
//   - Nguyên tắc trúng cử (QĐ 190-QĐ/TW Điều 30): a candidate is elected only
//     with more than half (quá một nửa) of a count of people — not of the
//     ballots — called D here ([Base]): the official members convened less
//     those the regulation does not count (members' congress), the official
//     delegates convened less the absent committee members and the absent
//     delegates with no alternate (delegates' congress), or the sitting
//     members of a body at its meeting. 2·votes > D, so exactly half fails.
//     Among the qualified, the most votes win until the seats are filled.
//   - Bằng phiếu: a tie at the last seats is reported ([Tie]) with a proposed
//     run-off among the tied, never broken — not by age, not by list order.
//   - Bầu thiếu, bầu tiếp: with seats left the congress votes again for them
//     or elects fewer; a chi bộ votes three times for its secretary, then the
//     superior committee appoints ([Next], [Step]).
//   - Đại biểu chính thức, dự khuyết: official delegates are elected first,
//     then alternates among the rest, ranked by votes ([Options]).
//   - Biên bản kiểm phiếu: the counting minutes. Every figure they hold is in
//     a [RoundResult], and the checks a superior committee makes of filed
//     minutes (collected ≤ issued, valid + invalid = collected, votes ≤ valid,
//     the winners and percentages written) are findings of the round.
//
// [Count] runs a whole congress in document order, applying the chain rules
// of package rules between contests as bodies are elected: a standing
// committee candidate must be on the new committee, a secretary on the
// standing committee. The [Result] encodes to JSON (format
// "kiemphieu.tally/1") with stable names and a deterministic order, and
// decodes strictly with [ParseResult].
package tally
