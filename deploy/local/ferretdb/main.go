// Command ferretdb-launcher runs an embedded FerretDB v1 (MongoDB wire protocol)
// with the SQLite backend, for Enlace's local infrastructure (deploy/local).
//
// It embeds github.com/FerretDB/FerretDB/ferretdb instead of building
// FerretDB's own cmd/ferretdb, whose binary needs generated version files.
//
// Usage:
//
//	ferretdb-launcher -listen 127.0.0.1:27117 -data-dir .enlace/ferretdb/data [-log-level warn]
//
// It stops cleanly on SIGTERM or SIGINT.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27117", "TCP address to listen on (host:port)")
	dataDir := flag.String("data-dir", "data", "directory for the SQLite databases (created if missing)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	if err := run(*listen, *dataDir, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-launcher:", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, logLevel string) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: %w", logLevel, err)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return fmt.Errorf("data dir: %w", err)
	}

	if err = os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("data dir: %w", err)
	}

	// FerretDB wants a "file:" URI of an existing directory, ending with "/".
	sqliteURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{
			TCP: listen,
		},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	logger.Warn("ferretdb-launcher started", slog.String("listen", listen), slog.String("data", dir))

	// Run returns once ctx is canceled (on SIGTERM/SIGINT) and everything is closed.
	if err = f.Run(ctx); err != nil {
		return err
	}

	logger.Warn("ferretdb-launcher stopped")

	return nil
}
