// A PDF tool's fork server. Preloaded into the tool (LD_PRELOAD) with OPENECF_TOOL_SERVER=1 and
// its standard input a socket from the server, it takes the place of the tool's `main`: the
// program is loaded, linked (LD_BIND_NOW) and initialized once, and each run is a fork of it that
// calls the real `main` with the run's arguments and descriptors. Starting qpdf or pdftotext
// anew (the kernel's exec, the dynamic linker's relocations of their 17 and 29 libraries) was
// most of their CPU on a filing's small PDF (BENCHMARKS.md, the eighteenth round).
//
// Each run is a process of its own as before: a hostile file that crashes a run crashes only
// it, a run past its time limit is killed, and a run may write files of at most the size it
// was given. The runs share the server's memory layout, so the server (ToolServer.swift) starts
// a new fork server after a run that crashes. Without OPENECF_TOOL_SERVER the program runs as
// itself.
#define _GNU_SOURCE
#include "ECFToolServerProtocol.h"

#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef int (*main_function)(int, char **, char **);
typedef int (*start_function)(
    main_function, int, char **, void (*)(void), void (*)(void), void (*)(void), void *);

static main_function tool_main;

/// The runs not yet ended, by process.
typedef struct {
    pid_t pid;
    uint32_t id;
} run;
static run *runs;
static size_t run_count, run_capacity;

static void reply(uint32_t id, int32_t status) {
    ecf_tool_header header = {.kind = ECF_TOOL_ENDED, .id = id, .value = status};
    while (send(0, &header, sizeof header, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
}

static void close_all(const int *descriptors, size_t count) {
    for (size_t index = 0; index < count; index++) close(descriptors[index]);
}

/// Forks a run of the tool's `main`; its end is reported when it is reaped.
static void start_run(const ecf_tool_header *header, char *arguments, size_t length, const int descriptors[3],
                      int signals, const sigset_t *mask) {
    uint32_t id = header->id;
    int64_t file_size_limit = header->value;
    char *argv[ECF_TOOL_ARGUMENT_COUNT_MAX + 1];
    int argc = 0;
    for (char *next = arguments; next < arguments + length && argc < ECF_TOOL_ARGUMENT_COUNT_MAX;
         next += strlen(next) + 1)
        argv[argc++] = next;
    argv[argc] = NULL;
    if (run_count == run_capacity) {
        size_t capacity = run_capacity ? run_capacity * 2 : 64;
        run *grown = realloc(runs, capacity * sizeof *runs);
        if (!grown) {
            close_all(descriptors, 3);
            reply(id, -1);
            return;
        }
        runs = grown;
        run_capacity = capacity;
    }
    pid_t pid = fork();
    if (pid == 0) {
        sigprocmask(SIG_SETMASK, mask, NULL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        struct rlimit size = {(rlim_t)file_size_limit, (rlim_t)file_size_limit};
        struct rlimit core = {0, 0};
        if (file_size_limit > 0) setrlimit(RLIMIT_FSIZE, &size);
        setrlimit(RLIMIT_CORE, &core);
        if (header->seconds) alarm(header->seconds);
        close(signals);
        // The received descriptors are above 2 (0 is the socket, 1 and 2 /dev/null); the socket
        // is replaced by the run's input.
        if (dup2(descriptors[0], 0) < 0 || dup2(descriptors[1], 1) < 0 || dup2(descriptors[2], 2) < 0) _exit(126);
        close_all(descriptors, 3);
        exit(tool_main(argc, argv, environ));
    }
    close_all(descriptors, 3);
    if (pid < 0) {
        reply(id, -1);
        return;
    }
    runs[run_count++] = (run){pid, id};
}

static void reap(void) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        for (size_t index = 0; index < run_count; index++) {
            if (runs[index].pid != pid) continue;
            reply(runs[index].id, status);
            runs[index] = runs[--run_count];
            break;
        }
    }
}

static void kill_run(uint32_t id) {
    // Only a run not yet reaped: its process id cannot have been given to another process.
    for (size_t index = 0; index < run_count; index++)
        if (runs[index].id == id) kill(runs[index].pid, SIGKILL);
}

/// Reads one message from the server; 0 when it has gone.
static int receive(int signals, const sigset_t *mask) {
    static char buffer[sizeof(ecf_tool_header) + ECF_TOOL_ARGUMENTS_MAX];
    union {
        char bytes[CMSG_SPACE(3 * sizeof(int))];
        struct cmsghdr align;
    } control;
    struct iovec part = {buffer, sizeof buffer};
    struct msghdr message = {
        .msg_iov = &part, .msg_iovlen = 1, .msg_control = control.bytes, .msg_controllen = sizeof control.bytes};
    ssize_t got = recvmsg(0, &message, MSG_CMSG_CLOEXEC);
    if (got < 0) return errno == EINTR || errno == EAGAIN;
    if (got == 0) return 0;
    int descriptors[3];
    size_t count = 0;
    for (struct cmsghdr *rights = CMSG_FIRSTHDR(&message); rights; rights = CMSG_NXTHDR(&message, rights)) {
        if (rights->cmsg_level != SOL_SOCKET || rights->cmsg_type != SCM_RIGHTS) continue;
        size_t here = (rights->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        int *received = (int *)CMSG_DATA(rights);
        for (size_t index = 0; index < here; index++) {
            if (count < 3) descriptors[count++] = received[index];
            else close(received[index]);
        }
    }
    ecf_tool_header header;
    if ((size_t)got < sizeof header) {
        close_all(descriptors, count);
        return 1;
    }
    memcpy(&header, buffer, sizeof header);
    size_t length = (size_t)got - sizeof header;
    char *arguments = buffer + sizeof header;
    if (header.kind == ECF_TOOL_KILL) {
        close_all(descriptors, count);
        kill_run(header.id);
    } else if (header.kind == ECF_TOOL_RUN) {
        int whole = count == 3 && length > 0 && arguments[length - 1] == '\0' && !(message.msg_flags & MSG_TRUNC)
            && !(message.msg_flags & MSG_CTRUNC);
        if (whole) start_run(&header, arguments, length, descriptors, signals, mask);
        else {
            close_all(descriptors, count);
            reply(header.id, -1);
        }
    } else close_all(descriptors, count);
    return 1;
}

static int serve(int argc, char **argv, char **envp) {
    (void)argc, (void)argv, (void)envp;
    // The runs get the environment the server gave, without what made this a fork server.
    unsetenv("OPENECF_TOOL_SERVER");
    unsetenv("LD_PRELOAD");
    unsetenv("LD_BIND_NOW");
    unsetenv("SWIFT_BACKTRACE");
    // Gone with the server; its end of the socket closing also ends this.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    sigset_t children, mask;
    sigemptyset(&children);
    sigaddset(&children, SIGCHLD);
    sigprocmask(SIG_BLOCK, &children, &mask);
    int signals = signalfd(-1, &children, SFD_CLOEXEC | SFD_NONBLOCK);
    if (signals < 0) return 1;
    for (;;) {
        struct pollfd waiting[2] = {{.fd = 0, .events = POLLIN}, {.fd = signals, .events = POLLIN}};
        if (poll(waiting, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (waiting[1].revents) {
            struct signalfd_siginfo info;
            while (read(signals, &info, sizeof info) == sizeof info) {
            }
            reap();
        }
        if (waiting[0].revents && !receive(signals, &mask)) break;
    }
    // The server has gone (or stopped this one): its runs go with it.
    for (size_t index = 0; index < run_count; index++) kill(runs[index].pid, SIGKILL);
    while (waitpid(-1, NULL, 0) > 0) {
    }
    return 0;
}

int __libc_start_main(main_function main, int argc, char **argv, void (*init)(void), void (*fini)(void),
                      void (*rtld_fini)(void), void *stack_end) {
    start_function start = (start_function)dlsym(RTLD_NEXT, "__libc_start_main");
    const char *serving = getenv("OPENECF_TOOL_SERVER");
    if (serving && strcmp(serving, "1") == 0) {
        tool_main = main;
        return start(serve, argc, argv, init, fini, rtld_fini, stack_end);
    }
    return start(main, argc, argv, init, fini, rtld_fini, stack_end);
}
