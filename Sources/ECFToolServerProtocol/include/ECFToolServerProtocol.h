// The messages between the server and a tool's fork server (ECFToolServer), over a Unix
// SOCK_SEQPACKET socket pair, and the calls the server makes on its side (ToolForkServer.swift).
#ifndef ECF_TOOL_SERVER_PROTOCOL_H
#define ECF_TOOL_SERVER_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum {
    /// Run the tool: the header, then its arguments (argv[0] first), each ended by a NUL byte;
    /// its standard input, output and error go with the message as three descriptors.
    ECF_TOOL_RUN = 1,
    /// Kill the run `id` if it is still running (its time limit passed).
    ECF_TOOL_KILL = 2,
    /// The run `id` ended: `status` as `waitpid` gives it, or -1 if it could not be started.
    ECF_TOOL_ENDED = 3,
};

/// The most a run's arguments may take, NUL bytes included.
#define ECF_TOOL_ARGUMENTS_MAX 16384
/// The most arguments a run may have.
#define ECF_TOOL_ARGUMENT_COUNT_MAX 255

typedef struct {
    uint32_t kind;
    uint32_t id;
    /// ECF_TOOL_RUN: the most bytes the tool may write to a file (RLIMIT_FSIZE); ECF_TOOL_ENDED:
    /// the status.
    int64_t value;
    /// ECF_TOOL_RUN: a run still going after this many seconds is ended by SIGALRM, behind the
    /// server's own kill at its time limit; 0 for none.
    uint32_t seconds;
    uint32_t unused;
} ecf_tool_header;

/// A socket pair for a fork server, both ends closed on exec. 0 or -1 with errno.
int ecf_tool_socket_pair(int ends[2]);

/// Starts `path` with `environment`, its standard input the socket `end`, its output and error
/// /dev/null, no other descriptor of this process open in it. 0 or an errno.
int ecf_tool_spawn(const char *path, char *const environment[], int end, pid_t *pid);

/// Sends a run: its arguments as NUL-ended strings in `arguments` (`length` bytes), its limits
/// and the three descriptors. 0 or -1 with errno.
int ecf_tool_send_run(
    int socket, uint32_t id, int64_t file_size_limit, uint32_t seconds, const char *arguments, size_t length,
    int input, int output, int error);

/// Asks the fork server to kill run `id`. 0 or -1 with errno.
int ecf_tool_send_kill(int socket, uint32_t id);

/// Waits for the next ended run. 1 with `id` and `status` set, 0 when the fork server has gone,
/// -1 with errno.
int ecf_tool_receive(int socket, uint32_t *id, int32_t *status);

/// A file in memory for a tool's output, closed on exec. The descriptor or -1 with errno.
int ecf_tool_memory_file(void);

/// A `waitpid` status as a shell reports it: the exit code, or 128 and the signal.
int32_t ecf_tool_exit_code(int32_t status);

/// Whether the status is a crash (a signal a program gets for a fault of its own, not a kill).
int ecf_tool_crashed(int32_t status);

#endif
