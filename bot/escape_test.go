package bot

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, al-Thani's 40%", "plain words, al-Thani's 40%"},
		{"@everyone look", "@\u200beveryone look"},
		{"<@123> and <#9>", `\<@` + "\u200b" + `123> and \<#9>`},
		{"**bold** _it_ `code` ~~s~~ ||spoiler||", `\*\*bold\*\* \_it\_ ` + "\\`code\\`" + ` \~\~s\~\~ \|\|spoiler\|\|`},
		{"[link](http://x)", `\[link\](http://x)`},
		{"# Heading\n> quote\n- item\n1. first\nmid - dash", "\\# Heading\n\\> quote\n\\- item\n1\\. first\nmid - dash"},
		{"back\\slash", `back\\slash`},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClipCountsUTF16(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer sentence here", 10, "a longer…"},
		{"😀😀😀", 6, "😀😀😀"}, // each emoji is two UTF-16 units
		{"😀😀😀", 5, "😀😀…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.limit)
		if got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
		if utf16Len(got) > tt.limit {
			t.Errorf("clip(%q, %d) is %d units long", tt.in, tt.limit, utf16Len(got))
		}
	}
}
