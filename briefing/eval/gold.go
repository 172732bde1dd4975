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
	return g, nil
}
