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
// The head of the journal — the number of records and the hash of the last,
// which depends on every record before it — is kept beside it in a pin file
// and printed on the signed minutes: a journal cut at a record boundary, or
// whose last record was rewritten with a fresh checksum, no longer matches
// its head.
//
// # Independent entry
//
// Two or three operators may enter the same ballot box into journals of
// their own (nhập độc lập); Compare lists the ballots where they differ, by
// position, and Accept gives the round's result only when they agree.
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
// Marks), {"type":"void","seq":N,"reason":"…"}, and {"type":"close"} last.
package journal
