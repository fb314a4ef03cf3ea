package report

import (
	"embed"
	"html/template"
	"io"

	"github.com/kiemphieu/kiemphieu/tally"
)

//go:embed templates/page.html templates/papers.html
var templates embed.FS

var page = template.Must(template.New("").Funcs(template.FuncMap{
	"add": func(a ...int) int {
		s := 0
		for _, x := range a {
			s += x
		}
		return s
	},
	"sub": func(a, b int) int { return a - b },
}).ParseFS(templates, "templates/page.html"))

type pageView struct {
	Lang    string
	Title   string
	Verdict *verdict // the list verdict, printed first, when there is one
	Summary *summary // a summary of many congresses
	Docs    []minutes
}

// PageWord is the word before the page number printed on every page.
func (v pageView) PageWord() string {
	if v.Lang == "en" {
		return "Page"
	}
	return "Trang"
}

// MinutesHTML writes the minutes of round k of contest i as one
// self-contained printable HTML page: inline styles with an A4 print
// stylesheet, an inline SVG chart of the votes against the threshold, and no
// reference to anything outside the page.
func MinutesHTML(w io.Writer, r tally.Result, i, k int, opt Options) error {
	if err := checkIndex(r, i, k); err != nil {
		return err
	}
	m := minutesOf(r, i, k, opt)
	return page.ExecuteTemplate(w, "page", pageView{Lang: m.Lang, Title: m.Title + " — " + m.Subtitle, Docs: []minutes{m}})
}

// CongressHTML writes the list verdict, when the result has one, and the
// minutes of every round of every contest of a counted congress as one
// printable HTML page, each starting a new printed page.
func CongressHTML(w io.Writer, r tally.Result, opt Options) error {
	v := pageView{Lang: lang(opt.Lang).t("vi", "en"), Title: r.Congress}
	if r.Lists != nil {
		vv := verdictOf(*r.Lists, names(r), opt)
		v.Verdict = &vv
	}
	for i, ct := range r.Contests {
		for k := range ct.Rounds {
			v.Docs = append(v.Docs, minutesOf(r, i, k, opt))
		}
	}
	return page.ExecuteTemplate(w, "page", v)
}
