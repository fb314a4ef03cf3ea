package report

import (
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// chart is a horizontal bar chart of the votes of a round against the
// threshold, in SVG user units. Coordinates are whole numbers computed with
// integer arithmetic: a picture, never a decision.
type chart struct {
	Title          string
	Width, Height  int
	LabelWidth     int
	BarWidth       int
	Bars           []bar
	ThresholdX     int
	ThresholdLabel string
	AxisY          int
}

type bar struct {
	Y, W, TextY int
	Name        string
	Votes       int
	Class       string
}

const (
	chartLabelWidth = 210
	chartBarWidth   = 330
	chartRow        = 18
	chartTop        = 24
)

func chartOf(rr tally.RoundResult, name func(ballot.CandidateID) string, l lang) chart {
	scale := rr.Base.D
	for _, s := range rr.Standings {
		scale = max(scale, s.Votes)
	}
	scale = max(scale, 1)
	c := chart{
		Title:      l.t("Số phiếu của từng người và ngưỡng quá một nửa", "Votes of each candidate against the more-than-half line"),
		LabelWidth: chartLabelWidth,
		BarWidth:   chartBarWidth,
		Width:      chartLabelWidth + chartBarWidth + 70,
	}
	for i, s := range rr.Standings {
		y := chartTop + i*chartRow
		c.Bars = append(c.Bars, bar{Y: y + 2, W: s.Votes * chartBarWidth / scale, TextY: y + 14,
			Name: name(s.ID), Votes: s.Votes, Class: s.Status.String()})
	}
	c.AxisY = chartTop + len(rr.Standings)*chartRow + 4
	c.Height = c.AxisY + 24
	// The line sits at half of D: a bar must pass it to qualify.
	c.ThresholdX = chartLabelWidth + rr.Base.D*chartBarWidth/(2*scale)
	c.ThresholdLabel = l.f("D/2 = %d/2: cần ít nhất %d phiếu", "D/2 = %d/2: at least %d votes", rr.Base.D, rr.Base.Threshold())
	return c
}
