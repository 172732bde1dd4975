package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions lists the file types ingested from directories.
var Extensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm"}

func accepted(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// FileSet is the result of expanding paths into articles.
type FileSet struct {
	Items   []Item
	Skipped int       // files in directories of other types
	Errors  []Outcome // paths that could not be listed, or of a type not accepted
}

// Files expands files and directories (recursively, in name order, hidden
// entries left out) into items. A file named explicitly is taken whatever
// its type, so the normaliser can say why it is refused.
func Files(paths []string) FileSet {
	var fs FileSet
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			fs.Errors = append(fs.Errors, Outcome{Path: p, Err: fmt.Errorf("cannot read: %w", err)})
			continue
		}
		if !st.IsDir() {
			fs.Items = append(fs.Items, fileItem(p))
			continue
		}
		fs.walk(p)
	}
	return fs
}

func (set *FileSet) walk(root string) {
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			set.Errors = append(set.Errors, Outcome{Path: path, Err: fmt.Errorf("cannot read: %w", err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if !accepted(name) {
			set.Skipped++
			return nil
		}
		found = append(found, path)
		return nil
	})
	if err != nil {
		set.Errors = append(set.Errors, Outcome{Path: root, Err: fmt.Errorf("cannot read: %w", err)})
	}
	sort.Strings(found)
	for _, p := range found {
		set.Items = append(set.Items, fileItem(p))
	}
}

func fileItem(path string) Item {
	return Item{
		Path:   path,
		Source: filepath.Base(path),
		Open:   func() (io.ReadCloser, error) { return os.Open(path) },
	}
}
