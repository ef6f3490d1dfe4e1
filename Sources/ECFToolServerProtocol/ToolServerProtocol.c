#define _GNU_SOURCE
#include "ECFToolServerProtocol.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int ecf_tool_socket_pair(int ends[2]) {
    return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends);
}

int ecf_tool_spawn(const char *path, char *const environment[], int end, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    int failed = posix_spawn_file_actions_init(&actions);
    if (failed) return failed;
    failed = posix_spawn_file_actions_adddup2(&actions, end, 0);
    if (!failed) failed = posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (!failed) failed = posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    // The server's other files (a court's database, a client's connection) stay out of it.
    if (!failed) failed = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    char *const arguments[] = {(char *)path, NULL};
    if (!failed) failed = posix_spawn(pid, path, &actions, NULL, arguments, environment);
    posix_spawn_file_actions_destroy(&actions);
    return failed;
}

int ecf_tool_send_run(
    int socket, uint32_t id, int64_t file_size_limit, uint32_t seconds, const char *arguments, size_t length,
    int input, int output, int error) {
    if (length == 0 || length > ECF_TOOL_ARGUMENTS_MAX) {
        errno = E2BIG;
        return -1;
    }
    ecf_tool_header header = {.kind = ECF_TOOL_RUN, .id = id, .value = file_size_limit, .seconds = seconds};
    struct iovec parts[2] = {{&header, sizeof header}, {(void *)arguments, length}};
    union {
        char bytes[CMSG_SPACE(3 * sizeof(int))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {
        .msg_iov = parts, .msg_iovlen = 2, .msg_control = control.bytes, .msg_controllen = sizeof control.bytes};
    struct cmsghdr *rights = CMSG_FIRSTHDR(&message);
    rights->cmsg_level = SOL_SOCKET;
    rights->cmsg_type = SCM_RIGHTS;
    rights->cmsg_len = CMSG_LEN(3 * sizeof(int));
    int descriptors[3] = {input, output, error};
    memcpy(CMSG_DATA(rights), descriptors, sizeof descriptors);
    ssize_t sent;
    do sent = sendmsg(socket, &message, MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    return sent < 0 ? -1 : 0;
}

int ecf_tool_send_kill(int socket, uint32_t id) {
    ecf_tool_header header = {.kind = ECF_TOOL_KILL, .id = id, .value = 0};
    ssize_t sent;
    do sent = send(socket, &header, sizeof header, MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    return sent < 0 ? -1 : 0;
}

int ecf_tool_receive(int socket, uint32_t *id, int32_t *status) {
    for (;;) {
        ecf_tool_header header;
        ssize_t got = recv(socket, &header, sizeof header, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return -1;
        if (got == 0) return 0;
        if ((size_t)got != sizeof header || header.kind != ECF_TOOL_ENDED) continue;
        *id = header.id;
        *status = (int32_t)header.value;
        return 1;
    }
}

int ecf_tool_memory_file(void) { return memfd_create("openecf-tool-output", MFD_CLOEXEC); }

int32_t ecf_tool_exit_code(int32_t status) {
    if (status < 0) return status;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

int ecf_tool_crashed(int32_t status) {
    if (status < 0 || !WIFSIGNALED(status)) return 0;
    switch (WTERMSIG(status)) {
    case SIGSEGV:
    case SIGBUS:
    case SIGILL:
    case SIGFPE:
    case SIGABRT:
    case SIGSYS:
    case SIGTRAP:
        return 1;
    default:
        return 0;
    }
}
