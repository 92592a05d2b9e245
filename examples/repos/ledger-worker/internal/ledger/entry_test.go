package ledger

import "testing"

func TestBalanced(t *testing.T) {
	if !Balanced([]Entry{{"cash", 100}, {"revenue", -100}}) {
		t.Fatal("expected balanced")
	}
}
