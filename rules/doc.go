// Package rules checks the candidate lists of a congress against the
// regulation, as the organisation committee (ban tổ chức) prepares them, and
// returns a structured verdict: rule by rule, what passes, what is only a
// warning, and what fails, with the exact bound that decided it.
//
// # Terms
//
//   - Quy chế bầu cử trong Đảng: the Regulation on elections within the
//     Party, Quyết định 190-QĐ/TW (current, [QD190]) and 244-QĐ/TW (previous,
//     [QD244]), with their guidance (hướng dẫn) and directives (chỉ thị). A
//     [Regime] is such a set of rules as plain data that a caller copies and
//     changes to state local guidance. It is composed ([Compose]) of two
//     dated parts, the election rules ([ElectionRules]: quy chế bầu cử) and
//     the round's directive ([Directive]: chỉ thị), and [InForce] picks both
//     from a congress's opening day (ngày khai mạc) and level. What a count
//     cites and decides between rounds is part of it ([CountingRule]).
//   - Số dư: the surplus of a list, candidates minus seats. The list of the
//     committee (ban chấp hành) and of the standing committee (ban thường vụ)
//     must have one; its ratio to the seats may not exceed 30 %, and the
//     convening committee's list should be 10–15 % over ([ListRule]).
//   - Đề cử, ứng cử: nomination from the floor and self-nomination at the
//     congress, admitted to the list only when more than 30 % of those
//     attending agree in an opinion vote ([NominationRule]).
//   - Cơ cấu: the structure of the body — women (nữ), young cadres (cán bộ
//     trẻ), ethnic minorities (dân tộc thiểu số), renewal (đổi mới) and age
//     brackets — targets of the personnel plan (đề án nhân sự) ([QuotaRule]).
//   - Thời gian công tác còn lại: working time left before retirement age,
//     which a first-time member must have for a full term ([WorkingTimeRule],
//     [RetirementPolicy]).
//
// # Exact arithmetic
//
// Every decision is an integer comparison: a [Ratio] is an exact fraction
// parsed from "15%", "0,3" or "1/3", and a [Bound] compares a count or a
// share with it ("at least" and "more than" are different comparisons). A
// share is only rounded for display, by [Percent] with an explicit
// [Rounding], through github.com/shopspring/decimal.
//
// # Verdicts
//
// [Regime.Check] returns a [Verdict]: every rule evaluated, passes included,
// each [Finding] with its [RuleID], path, outcome, bound, the value counted
// and how far it is from the bound, and a message in Vietnamese or English
// derived from those fields. A rule broken by well-formed input is a finding;
// the error is kept for input that cannot be judged (malformed, or missing
// the personnel data a rule needs). Verdicts encode to JSON with stable names
// (format "kiemphieu.verdict/1") and decode strictly with [ParseVerdict].
package rules
