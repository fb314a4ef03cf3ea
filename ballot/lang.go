package ballot

import "fmt"

// Lang is the language of a message meant for people. The zero Lang is
// Vietnamese, the language of the minutes (biên bản).
type Lang uint8

// The languages messages are written in.
const (
	Vietnamese Lang = iota // tiếng Việt, with diacritics
	English
)

// String returns "vi" or "en".
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "vi"
}

// MarshalText returns "vi" or "en".
func (l Lang) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses "vi" or "en", so that a Lang can be a flag
// (flag.TextVar) or a JSON value.
func (l *Lang) UnmarshalText(b []byte) error {
	switch string(b) {
	case "vi":
		*l = Vietnamese
	case "en":
		*l = English
	default:
		return textError{VI: fmt.Sprintf("ngôn ngữ %q không hợp lệ (vi hoặc en)", b), EN: fmt.Sprintf("unknown language %q (vi or en)", b)}
	}
	return nil
}

// Text is a message for people in both languages. Programs should branch on
// the codes that travel with a Text, never on its wording.
type Text struct {
	VI string // tiếng Việt
	EN string // English
}

// In returns the message in language l.
func (t Text) In(l Lang) string {
	if l == English {
		return t.EN
	}
	return t.VI
}

// textError is an error whose message exists in both languages; the strict
// JSON decoder asks for the Vietnamese one through the Vietnamese method.
type textError Text

func (e textError) Error() string      { return e.EN }
func (e textError) Vietnamese() string { return e.VI }
