// Package eval measures extraction against gold annotations: quotes
// (matched by word overlap) and their speakers, meeting participant pairs
// and places, name variants merged across articles without merging
// different people, and publication dates.
package eval

import (
	"encoding/json"
	"fmt"
)

// Gold is a set of hand-checked annotations (the shape of
// corpus/gold/seeds.json).
type Gold struct {
	Articles           map[string]GoldArticle `json:"articles"`
	CrossArticlePeople []GoldVariants         `json:"cross_article_people"`
	MustNotMerge       [][]string             `json:"must_not_merge"`
}

// GoldArticle annotates one article.
type GoldArticle struct {
	Published *string         `json:"published"`
	People    []GoldPerson    `json:"people"`
	Quotes    []GoldQuote     `json:"quotes"`
	Meetings  []GoldMeeting   `json:"meetings"`
	Calls     []GoldMeeting   `json:"calls"`
	NotQuotes json.RawMessage `json:"not_quotes"`
	Traps     []string        `json:"traps"`
}

// GoldPerson is a person as one article names them.
type GoldPerson struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Roles   []string `json:"roles"`
}

// GoldQuote is one quotation.
type GoldQuote struct {
	Speaker *string `json:"speaker"`
	Text    string  `json:"text"`
	Kind    string  `json:"kind"` // full or partial
}

// GoldMeeting is one meeting as an article reports it.
type GoldMeeting struct {
	Participants []string `json:"participants"`
	Orgs         []string `json:"orgs"`
	Place        *string  `json:"place"`
	Date         *string  `json:"date"`
	When         *string  `json:"when"`
	Status       string   `json:"status"`
}

// GoldVariants lists the written forms of one person across articles.
type GoldVariants struct {
	Name     string   `json:"name"`
	Variants []string `json:"variants"`
}

// ParseGold reads gold annotations.
func ParseGold(data []byte) (Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return g, fmt.Errorf("gold annotations: %w", err)
	}
	if len(g.Articles) == 0 {
		return g, fmt.Errorf("gold annotations: no articles")
	}
	for _, name := range sortedKeys(g.Articles) {
		if err := g.Articles[name].check(); err != nil {
			return g, fmt.Errorf("gold annotations: %s: %w", name, err)
		}
	}
	return g, nil
}

// check reports values the scoring cannot read.
func (a GoldArticle) check() error {
	for i, q := range a.Quotes {
		if q.Kind != "full" && q.Kind != "partial" {
			return fmt.Errorf("quote %d: kind %q is neither full nor partial", i+1, q.Kind)
		}
	}
	for _, list := range []struct {
		what string
		ms   []GoldMeeting
	}{{"meeting", a.Meetings}, {"call", a.Calls}} {
		for i, m := range list.ms {
			switch m.Status {
			case "held", "planned", "canceled":
			default:
				return fmt.Errorf("%s %d: status %q is not held, planned or canceled", list.what, i+1, m.Status)
			}
		}
	}
	if len(a.NotQuotes) > 0 && string(a.NotQuotes) != "null" {
		var raw []json.RawMessage
		if err := json.Unmarshal(a.NotQuotes, &raw); err != nil {
			return fmt.Errorf("not_quotes: %w", err)
		}
	}
	return nil
}

// NotQuoteTexts lists the quoted words an article's gold marks as not
// statements (scare quotes, titles). Each entry may be a string or an
// object with a "text" field.
func (a GoldArticle) NotQuoteTexts() []string {
	if len(a.NotQuotes) == 0 {
		return nil
	}
	var raw []json.RawMessage
	if json.Unmarshal(a.NotQuotes, &raw) != nil {
		return nil
	}
	var out []string
	for _, r := range raw {
		var s string
		if json.Unmarshal(r, &s) == nil {
			out = append(out, s)
			continue
		}
		var o struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(r, &o) == nil && o.Text != "" {
			out = append(out, o.Text)
		}
	}
	return out
}
