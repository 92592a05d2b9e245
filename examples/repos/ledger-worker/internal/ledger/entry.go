package ledger

// Entry is one side of a balanced journal entry.
type Entry struct {
	Account string
	Amount  int64
}

// Balanced reports whether the entries sum to zero.
func Balanced(entries []Entry) bool {
	var sum int64
	for _, e := range entries {
		sum += e.Amount
	}
	return sum == 0
}
