// Package ballot is the input side of kiemphieu: the people on a congress's
// lists, the contests, the ballot papers and the ballots (phiếu bầu) as the
// counting board (ban kiểm phiếu) reads them, whether each ballot is valid,
// and the versioned JSON document that carries a whole congress (đại hội).
//
// # Terms
//
//   - Đại hội: a congress. A chi bộ (party cell) and a small đảng bộ hold a
//     congress of all members (đại hội đảng viên); a large đảng bộ holds a
//     congress of delegates (đại hội đại biểu). See [Roster].
//   - Bầu cử: the elections held at the congress and at the first meeting of
//     the new committee — one [Contest] per body or office ([Office]): ban
//     chấp hành (the committee, BCH; in a chi bộ the chi ủy), ban thường vụ
//     (standing committee, BTV), bí thư and phó bí thư (secretary, deputy),
//     ủy ban kiểm tra (inspection committee, UBKT) and its chủ nhiệm (chair),
//     đại biểu chính thức and dự khuyết (official and alternate delegates to
//     the superior congress).
//   - Danh sách bầu cử: the list of candidates, printed on the ballot in a
//     fixed order (usually alphabetical). Số dư, the surplus, is candidates
//     minus seats.
//   - Phiếu bầu: the ballot paper ([Paper]). With a surplus the voter crosses
//     out (gạch tên) the names they reject and every name left standing is a
//     vote ([FormCrossOut]); without one, each row has the boxes đồng ý
//     (agree) and không đồng ý (disagree) ([FormAgree]).
//   - Phiếu hợp lệ / không hợp lệ: valid and invalid ballots. [Paper.Classify]
//     applies the validity table of the regulation (Quyết định 190-QĐ/TW,
//     Điều 15 and 30; rules.md §3) in order and returns a stable [Reason].
//     The points the regulation leaves open are the options of [Policy],
//     whose zero value is the documented default.
//
// # Two kinds of bad outcome
//
// Malformed input — a negative count, a repeated id, a mark for a name not on
// the paper, an impossible month — is an error: an [ErrorList] holding every
// problem, each with the [Path] where it is and a stable [ErrorCode] usable
// with errors.Is. A ballot that breaks a validity rule is not an error: it is
// a [Classification] with an invalid [Reason].
//
// # The congress document
//
// A congress is written as one JSON object (UTF-8) whose "format" is
// "kiemphieu.congress/1" ([Format]). Decoding with [ParseCongress] is strict:
// unknown fields, repeated keys, wrong types, null, fractions where counts
// belong, and every inconsistency listed under [Congress.Validate] are errors.
// Encoding ([Congress.MarshalJSON]) writes the same shape, so that decoding
// what was encoded gives back an equal value.
//
//	{
//	  "format": "kiemphieu.congress/1",
//	  "name": "Đại hội Chi bộ Khu phố 3",        // required
//	  "level": "chi-bo",                          // chi-bo, grassroots, commune, above-grassroots, province, national
//	  "term": "2025–2027",                        // optional
//	  "reference_month": "2025-04",               // optional: when ages are counted (YYYY-MM)
//	  "opening": "2025-04-20",                    // optional: the opening day (YYYY-MM-DD or YYYY-MM); picks the regime in force
//	  "term_months": 60,                          // optional: the bodies' term in months (default 60; 30 for a 2½-year chi bộ term)
//	  "ballot_policy": { "accept_signed": false, "accept_blank_single": false,
//	                     "reject_blank_rows": false, "partly_struck_is_struck": false },  // optional
//	  "counting_board": ["Trần Văn A", "Lê Thị B"],  // optional: the counting board, its head first
//	  "roster": {                                 // exactly one of members / delegates
//	    "members":   { "official": 11, "present": 10, "temporarily_attached": 0,
//	                   "exempt_absent": 0, "suspended": 0, "absent_with_reason": 1 },
//	    "delegates": { "official": 150, "present": 147, "committee_absent": 1, "absent_unreplaced": 2,
//	                   "ex_officio": 0, "designated": 0 }  // optional: how many of the official came ex officio or designated
//	  },
//	  "candidates": [                             // everyone on any list, once
//	    { "id": "c1", "name": "Nguyễn Thị Lan",   // id: 1–64 of A–Z a–z 0–9 . _ -
//	      "sex": "female", "born": "1976-03",     // optional personnel data
//	      "ethnic_minority": false, "incumbent": true,
//	      "origin": "committee",                  // committee (default), floor, self
//	      "holds": ["committee"],                 // bodies already held in this congress
//	      "outgoing": ["deputy-secretary"],       // posts held in the outgoing term (CT 45's 42 months)
//	      "retires": "2036-07" }                  // optional individual retirement month
//	  ],
//	  "contests": [
//	    { "id": "chi-uy", "office": "committee",  // see Office for the codes
//	      "seats": 3,
//	      "candidates": ["c1", "c2", "c3", "c4"], // the final list, in ballot order
//	      "meeting": { "body": "committee", "sitting": 15, "present": 15, "excluded": 0 },
//	                                              // optional: set when a body's meeting votes
//	      "counting_board": ["…"],                // optional: this contest's own board
//	      "nominations": {                        // optional: how the list was formed
//	        "introduced": ["c1", "c2", "c3"],     // the convening committee's list
//	        "nominees": [{ "id": "c4", "agree": 6 }],  // floor and self nominations, opinion vote
//	        "withdrawn": [], "attending": 10 },
//	      "rounds": [
//	        { "issued": 10,                       // required
//	          // a later round also gives its own "seats" and "candidates"
//	          "boxes": [ { "name": "Hòm phiếu số 1", "ballots": [
//	            { "struck": ["c4"] },             // cross-out paper: names struck
//	            { "partly_struck": ["c2"], "struck": ["c4"] },
//	            { "agree": ["c1"], "disagree": ["c2"], "both": ["c3"] },  // agree paper
//	            { "flags": ["not-issued", "written-in", "signed"] }
//	          ] } ] },
//	        { "seats": 1, "candidates": ["c2", "c3"], "issued": 10,
//	          "totals": { "collected": 10, "valid": 9, "invalid": 1,   // or the board's totals
//	                      "invalid_reasons": { "all-struck": 1 },
//	                      "votes": { "c2": 6, "c3": 3 },
//	                      "declared": ["c2"],             // optional, to audit filed minutes:
//	                      "shares": { "c2": "60,00 %" } } }  // the elected and % as written
//	      ] }
//	  ],
//	  "designated": [                             // optional: seats held with no vote (no minutes)
//	    { "office": "committee", "id": "c9", "ex_officio": false,
//	      "by": "Ban Thường vụ Tỉnh ủy", "on": "2025-06-30" } ]
//	}
//
// (The comments are for this description only: JSON has none.) A complete
// document is in testdata/chibo.json and in [ExampleParseCongress].
package ballot
