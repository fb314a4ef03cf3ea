// Package journal is the crash-safe record of a counting kiosk (máy kiểm
// phiếu): an append-only file of what the operators did — the round opened,
// each ballot entered, each entry voided with its reason, the operator at the
// keyboard, the round closed — from which the count is rebuilt exactly.
//
// # Guarantees
//
// Every record is written and synced to stable storage before Append returns,
// so a ballot the kiosk acknowledged survives a crash or a power cut, and
// rebuilding from the journal never counts it twice. A record is its length,
// its event (JSON), the SHA-256 hash of the record before it, and a CRC-32C
// checksum. Reading checks all of them: an incomplete final record — what a
// crash in the middle of a write leaves — is dropped and reported; any other
// damage (a changed byte, a removed, reordered or replaced record, a record
// cut off) is a *Damage error naming the record, never silently accepted.
//
// A tail of zero bytes after the last whole record, which some file systems
// leave after a power cut, is dropped and reported the same way.
//
// The head of the journal — the number of records and the hash of the last,
// which depends on every record before it — is kept beside it in a pin file
// and printed on the signed minutes. Resume accepts exactly the head the pin
// names, or the one record the pin announced before writing it: a journal
// cut at a record boundary, whose last record was rewritten with a fresh
// checksum, or with a sealed record appended by another program, no longer
// matches its pin. A pin without its journal is damage, and Create never
// replaces a journal: a deleted journal never silently becomes a new round.
//
// One Writer at a time holds a journal, with an OS file lock (flock) for its
// whole life; a second gets a *LockedError naming the holder. A failed write
// (a full disk, a file size limit) is a *WriteError saying whether the event
// was recorded; the Writer's state is then what the file holds, and it
// stops until the journal is reopened.
//
// What it cannot guarantee: a disk that acknowledges a sync it has not done
// (a write cache without power protection) can lose synced records in a
// power cut; the pin then reports them Missing rather than accepting the
// shorter journal, and the minutes' printed head is the record of what was
// acknowledged. Someone who can write the journal and its pin together can
// forge both; only the printed head guards against that.
//
// # Independent entry
//
// Two or three operators may enter the same ballot box into journals of
// their own (nhập độc lập); Compare lists the ballots where they differ, by
// position in the stack of papers, and Accept gives the round's result only
// when they agree. An entry undone and re-entered in its place, or whose
// undo was undone, keeps its position, so a corrected mistake is not a
// difference.
//
// # File layout
//
//	"KIEMPHIEU-JOURNAL/1\n"
//	record*: length uint32 (big endian) | event (length bytes of JSON) |
//	         SHA-256 of the previous record (of the magic line for the first) |
//	         CRC-32C (Castagnoli) of everything before it in the record, uint32
//
// Events: {"type":"open","format":"kiemphieu.journal/1","round":{…}} first;
// then {"type":"operator","operator":"…"}, {"type":"enter","seq":N,
// "marks":"..x.","flags":["signed"]} (marks: one character per row, see
// Marks; "replaces":M when it re-enters voided entry M in its place),
// {"type":"void","seq":N,"reason":"…"}, {"type":"restore","seq":N} (a void
// undone), and {"type":"close"} last.
//
// The pin file beside the journal (path + ".head") holds
// "kiemphieu.journal.head/2 N:hex", followed by " next N+1:hex" while a
// record is being written.
package journal
