#pragma once

#include <QStringList>

// Each subcommand parses its own options (arguments[0] is "wirescope-cli <name>") and
// returns the process exit status: one table for every command, docs/cli.md.
int runServeDemoCommand(const QStringList &arguments);
int runWsCommand(const QStringList &arguments);
int runHttpCommand(const QStringList &arguments);
int runSessionCommand(const QStringList &arguments);
int runReplayCommand(const QStringList &arguments);
int runSseCommand(const QStringList &arguments);
int runLabCommand(const QStringList &arguments);
