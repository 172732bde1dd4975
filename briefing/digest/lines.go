package digest

import (
	"strings"

	"briefbot/briefing"
)

// meetingLine states a meeting in full: "Planned meeting in Doha, Friday
// 22 March 2024 (“this Friday”): David Barnea (Mossad chief), William
// Burns (CIA director)".
func meetingLine(m briefing.MeetingRecord) string {
	var b strings.Builder
	b.WriteString(briefing.StatusLabel(m.Status) + " meeting")
	if m.Place != "" {
		b.WriteString(" in " + m.Place)
	}
	if !m.Date.IsZero() || m.When != "" {
		b.WriteString(", " + briefing.MeetingWhen(m))
	}
	var who []string
	for _, p := range m.Participants {
		s := p.Name
		if p.Role != "" {
			s += " (" + p.Role + ")"
		}
		who = append(who, s)
	}
	who = append(who, m.Parties...)
	who = append(who, m.Groups...)
	if len(who) > 0 {
		b.WriteString(": " + strings.Join(who, ", "))
	}
	return b.String()
}

// meetingHeadline states a meeting briefly, by surnames: "Barnea, Burns,
// Al-Thani and Kamel to meet in Doha on Friday 22 March 2024".
func meetingHeadline(m briefing.MeetingRecord) string {
	var who []string
	for _, p := range m.Participants {
		who = append(who, surname(p.Name))
	}
	if len(who) < 2 {
		who = append(who, m.Parties...)
	}
	if len(who) < 2 {
		who = append(who, m.Groups...)
	}
	s := joinAnd(who)
	switch m.Status {
	case briefing.Held:
		s += " met"
	case briefing.Canceled:
		s += " meeting called off"
	default:
		s += " to meet"
	}
	if m.Place != "" {
		s += " in " + m.Place
	}
	switch {
	case !m.Date.IsZero():
		s += " on " + m.Date.Long()
	case m.When != "":
		s += " " + m.When
	}
	return clip(s, maxHeadline)
}

// surname is the last word of a name: "Mohammed bin Abdulrahman
// Al-Thani" → "Al-Thani"; a suffix such as "Jr." keeps the word before.
func surname(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 {
		switch strings.TrimSuffix(strings.ToLower(f[len(f)-1]), ".") {
		case "jr", "sr", "ii", "iii", "iv":
			f = f[:len(f)-1]
			continue
		}
		break
	}
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}

// joinAnd joins "A", "A and B", "A, B and C".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return "Unnamed parties"
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
