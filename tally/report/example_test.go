package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

// The minutes of a chi bộ's vote for its secretary: one name, the boxes
// đồng ý and không đồng ý, ten members present of eleven, so D = 10.
func ExampleMinutesText() {
	c := ballot.Congress{
		Name:          "Đại hội Chi bộ Khu phố 3",
		Level:         ballot.LevelChiBo,
		Roster:        ballot.Roster{Members: &ballot.MembersRoster{Official: 11, Present: 10, AbsentWithReason: 1}},
		CountingBoard: []string{"Võ Thị Hồng", "Đặng Văn Phong"},
		Candidates:    []ballot.Candidate{{ID: "lan", Name: "Nguyễn Thị Lan"}},
		Contests: []ballot.Contest{{
			ID: "bi-thu", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"lan"}},
			Rounds: []ballot.Round{{Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"lan"}}, Issued: 10,
				Totals: &ballot.Totals{Collected: 10, Valid: 9, Invalid: 1,
					InvalidReasons: []ballot.ReasonCount{{Reason: ballot.BothBoxes, Count: 1}}, Votes: []int{8}}}},
		}},
	}
	r, err := tally.Count(c, tally.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	report.MinutesText(&b, r, 0, 0, report.Options{Organisation: "Chi bộ Khu phố 3", Place: "Tân Hòa",
		Date: time.Date(2025, time.May, 8, 0, 0, 0, 0, time.UTC)})
	// (Example output cannot hold two blank lines in a row: they are
	// printed as one here.)
	blank := false
	for _, line := range strings.Split(b.String(), "\n") {
		line = strings.TrimRight(line, " ")
		if line != "" || !blank {
			fmt.Println(line)
		}
		blank = line == ""
	}
	// Output:
	// CHI BỘ KHU PHỐ 3                     ĐẢNG CỘNG SẢN VIỆT NAM
	//              BAN KIỂM PHIẾU                      ----------------------
	//                    *                       Tân Hòa, ngày 08 tháng 5 năm 2025
	//
	//                               BIÊN BẢN KIỂM PHIẾU
	//                            Bầu Bí thư — lần bầu thứ 1
	//                             Đại hội Chi bộ Khu phố 3
	//
	// Số lượng cần bầu: 1
	// Danh sách bầu cử (theo thứ tự trên phiếu bầu): 1 người
	//    1. Nguyễn Thị Lan
	//
	// Đảng viên chính thức
	//   Tổng số đảng viên chính thức được triệu tập .......... 11
	//   Có mặt ............................................... 10
	//   Vắng mặt ............................................. 1
	//   Không tính: đảng viên vắng mặt cả thời gian đại hội có lý do . 1
	//   Số làm căn cứ tính kết quả (D): 10 — trúng cử phải được quá một nửa, ít nhất 6
	//   phiếu
	//
	// Số phiếu phát ra ....................................... 10
	// Số phiếu thu vào ....................................... 10
	// Số phiếu hợp lệ ........................................ 9
	// Số phiếu không hợp lệ .................................. 1
	//   - đánh dấu cả hai ô .................................. 1
	//
	// Tỉ lệ phần trăm tính trên D = 10, cắt bỏ đến 2 chữ số thập phân.
	// Căn cứ: QĐ 190-QĐ/TW Điều 31 (biên bản); QĐ 190-QĐ/TW Điều 30 (kết quả bầu cử).
	//   TT Họ và tên                       Số phiếu      Tỉ lệ  Kết quả
	// --------------------------------------------------------------------------------
	//    1 Nguyễn Thị Lan                         8    80,00 %  trúng cử
	// --------------------------------------------------------------------------------
	//
	// Những người trúng cử (theo số phiếu từ cao xuống): 1/1
	//   1. Nguyễn Thị Lan                         8    80,00 %
	//
	// Kiểm tra số liệu:
	//   Các số liệu khớp nhau (5 kiểm tra đạt).
	//
	// Biên bản lập thành 03 bản, có chữ ký của các thành viên Ban kiểm phiếu; phiếu
	// bầu được niêm phong và lưu giữ theo quy định.
	//
	//          TRƯỞNG BAN KIỂM PHIẾU                          ỦY VIÊN
	//           (ký, ghi rõ họ tên)                     (ký, ghi rõ họ tên)
	//
	//               Võ Thị Hồng                            Đặng Văn Phong
	//
	//                                    Trang 1/1
}

// The ballot papers of a chi bộ's vote for its secretary, from the same
// document the count reads: one name, the boxes đồng ý and không đồng ý.
func ExampleBallotPapersHTML() {
	c := ballot.Congress{
		Name:       "Đại hội Chi bộ Khu phố 3",
		Level:      ballot.LevelChiBo,
		Roster:     ballot.Roster{Members: &ballot.MembersRoster{Official: 11, Present: 10}},
		Candidates: []ballot.Candidate{{ID: "lan", Name: "Nguyễn Thị Lan"}},
		Contests: []ballot.Contest{{ID: "bi-thu", Office: ballot.OfficeSecretary,
			Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"lan"}}}},
	}
	var b bytes.Buffer
	if err := report.BallotPapersHTML(&b, c, "bi-thu", 0, 10, report.Options{Organisation: "Chi bộ Khu phố 3"}); err != nil {
		fmt.Println(err)
		return
	}
	page := b.String()
	fmt.Println(strings.Count(page, `<section class="paper" data-form="agree">`), "papers")
	fmt.Println(strings.Count(page, "Nguyễn Thị Lan"), "names")
	err := report.BallotPapersHTML(&b, c, "bi-thu", 1, 10, report.Options{})
	fmt.Println(err != nil) // the document holds no second round
	// Output:
	// 10 papers
	// 10 names
	// true
}
