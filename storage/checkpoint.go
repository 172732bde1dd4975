package storage

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
	"time"
)

// checkpointer copies the write-ahead log into the database file in the
// background, so that the writer's commits only append to the log. A
// checkpoint writes pages scattered over the whole file and syncs it; on
// the writer's path (SQLite's automatic checkpoint runs in the committing
// connection) it stalled ingestion more and more as the file grew. The
// writer keeps a far larger automatic checkpoint as a backstop, for when
// long reads hold the log.
type checkpointer struct {
	db   *sql.DB
	log  *slog.Logger
	wake chan struct{} // something was committed
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// checkpointEvery spaces the background checkpoints: each syncs the file.
const checkpointEvery = 500 * time.Millisecond

// writerAutocheckpoint is the writer's own checkpoint threshold, in pages
// of log (256 MiB): reached only when the background falls behind.
const writerAutocheckpoint = 65536

func startCheckpointer(db *sql.DB, log *slog.Logger) *checkpointer {
	c := &checkpointer{db: db, log: log, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

// committed tells the checkpointer there is log to copy; it never blocks.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.wake:
		}
		// PASSIVE: copy what no reader still needs, without waiting for
		// readers or the writer.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		var busy, logFrames, copied int
		err := c.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logFrames, &copied)
		cancel()
		if err != nil {
			c.log.Warn("background checkpoint failed", "err", err)
		}
		select {
		case <-c.stop:
			return
		case <-time.After(checkpointEvery):
		}
	}
}

// close stops the checkpointer and waits for it (again: at once); the
// last connection to close checkpoints what is left.
func (c *checkpointer) close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done
}
