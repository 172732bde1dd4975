package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// writer runs the writing transactions on one dedicated connection and
// keeps its prepared statements, so that a busy ingest does not prepare
// the same SQL again for every article. The statements are prepared on the
// *sql.DB, not the *sql.Conn: database/sql re-prepares a connection-bound
// statement in every transaction, but caches a DB statement per connection.
type writer struct {
	db    *sql.DB
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
}

// wtx is a writing transaction.
type wtx struct {
	ctx context.Context
	tx  *sql.Tx
	w   *writer
	db  *DB
	// stmts are the writer's statements bound to this transaction, once
	// each: database/sql keeps every statement a transaction binds until
	// it ends, and a batch of a thousand articles runs a hundred
	// thousand statements.
	stmts map[string]*sql.Stmt
}

// writerCacheKiB is the writer's page cache. With the Go heap's soft
// limit (cmd/briefbot) it makes the peak memory of a long ingest; at
// 100,000 articles, 64 MiB took the peak past 300 MB.
const writerCacheKiB = 48 << 10

// begin starts a writing transaction; the caller holds db.writeMu.
func (db *DB) begin(ctx context.Context) (*wtx, error) {
	if db.w == nil {
		conn, err := db.sql.Conn(context.Background())
		if err != nil {
			return nil, fmt.Errorf("writer connection: %w", err)
		}
		// Checkpoints run in the background (see checkpointer); the
		// writer's own is a backstop. It keeps the upper levels of every
		// index it inserts into in a cache of its own. Its temporary data
		// stays in memory: every multi-row INSERT and upsert keeps a
		// statement journal, and past 64 KiB SQLite spilled it to a file,
		// which wrote more bytes than the log and the database together
		// (65 MB per 1,000 articles at 100,000).
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d; PRAGMA cache_size = -%d; PRAGMA temp_store = MEMORY`, writerAutocheckpoint, writerCacheKiB)); err != nil {
			conn.Close()
			return nil, fmt.Errorf("writer connection: %w", err)
		}
		db.w = &writer{db: db.sql, conn: conn, stmts: map[string]*sql.Stmt{}}
	}
	tx, err := db.w.conn.BeginTx(ctx, nil)
	if err != nil {
		// A broken connection is replaced on the next try.
		db.closeWriter()
		return nil, fmt.Errorf("begin: %w", err)
	}
	return &wtx{ctx: ctx, tx: tx, w: db.w, db: db, stmts: map[string]*sql.Stmt{}}, nil
}

func (t *wtx) stmt(q string) (*sql.Stmt, error) {
	if s, ok := t.stmts[q]; ok {
		return s, nil
	}
	s, ok := t.w.stmts[q]
	if !ok {
		var err error
		if s, err = t.w.db.PrepareContext(context.Background(), q); err != nil {
			return nil, fmt.Errorf("prepare %.60q: %w", q, err)
		}
		t.w.stmts[q] = s
	}
	bound := t.tx.StmtContext(t.ctx, s)
	t.stmts[q] = bound
	return bound, nil
}

func (t *wtx) exec(q string, args ...any) (sql.Result, error) {
	s, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(t.ctx, args...)
}

// changed runs a statement and reports whether it changed any row.
func (t *wtx) changed(q string, args ...any) (bool, error) {
	res, err := t.exec(q, args...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// insert runs an INSERT and returns the new row's id.
func (t *wtx) insert(q string, args ...any) (int64, error) {
	res, err := t.exec(q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (t *wtx) query(q string, args ...any) (*sql.Rows, error) {
	s, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(t.ctx, args...)
}

func (t *wtx) queryRow(q string, args ...any) *sql.Row {
	s, err := t.stmt(q)
	if err != nil {
		return t.tx.QueryRowContext(t.ctx, q, args...)
	}
	return s.QueryRowContext(t.ctx, args...)
}

// int64s runs a query that returns one integer column.
func (t *wtx) int64s(q string, args ...any) ([]int64, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (t *wtx) commit() error {
	if err := t.tx.Commit(); err != nil {
		return err
	}
	t.db.ckpt.committed()
	return nil
}
func (t *wtx) rollback() error {
	err := t.tx.Rollback()
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		t.db.closeWriter() // the connection is in doubt: start afresh
	}
	return err
}

// closeWriter releases the writer connection and its statements.
func (db *DB) closeWriter() {
	if db.w == nil {
		return
	}
	for _, s := range db.w.stmts {
		s.Close()
	}
	db.w.conn.Close()
	db.w = nil
}
