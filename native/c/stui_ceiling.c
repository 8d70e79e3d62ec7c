/*
 * The ceiling for the STUI server: a single-threaded ROUTER that answers every request with one
 * fixed JSON reply (a successful ping in the command encoding), routed back on the request's own
 * envelope. REQ clients send [identity, "", body] and get [identity, "", reply]; DEALER clients
 * with no delimiter send [identity, body] and get [identity, reply].
 *
 *   stui_ceiling [endpoint=tcp://127.0.0.1:*] [max_seconds=600] [busy_ns=0]
 *
 * busy_ns > 0 spins that long per request before answering: what a server spending that much of its
 * receiving thread's CPU per request would reach, to tell how much each microsecond of a real
 * server's own work costs under a given load.
 *
 * Prints {"event":"ready","endpoint":...} once bound (the port is resolved when given as "*"),
 * then runs until SIGINT/SIGTERM or max_seconds, and prints one JSON line of results.
 */
#include "bench_common.h"

#include <signal.h>
#include <unistd.h>

static const char *USAGE = "stui_ceiling [endpoint=tcp://127.0.0.1:*] [max_seconds=600] [busy_ns=0]";

static const char REPLY[] =
    "{\"id\":\"c-ceiling\",\"status\":\"success\",\"result\":{\"message\":\"pong\",\"status\":\"ready\","
    "\"uptime\":0,\"version\":\"c-ceiling\",\"zmq_backend\":\"libzmq-c\"},\"timestamp\":\"2026-01-01T00:00:00Z\"}";

#define MAX_FRAMES 16

static volatile sig_atomic_t stop_requested = 0;

static void on_signal(int sig) {
    (void) sig;
    stop_requested = 1;
}

int main(int argc, char **argv) {
    if (argc > 4) die_usage(USAGE);
    const char *endpoint = argc > 1 ? argv[1] : "tcp://127.0.0.1:*";
    double max_seconds = argc > 2 ? parse_seconds(argv[2], USAGE) : 600.0;
    long busy_ns = argc > 3 ? parse_long(argv[3], "busy_ns", 0, 1000000000L, USAGE) : 0;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    void *ctx = zmq_ctx_new();
    void *router = zmq_socket(ctx, ZMQ_ROUTER);
    if (!ctx || !router) check(-1, "zmq_socket");
    int linger = 0;
    zmq_setsockopt(router, ZMQ_LINGER, &linger, sizeof linger);
    /* Wake up regularly to notice a signal or the end of the time budget. */
    int timeout_ms = 100;
    zmq_setsockopt(router, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);

    char bound[256];
    bind_and_resolve(router, endpoint, bound, sizeof bound);
    printf("{\"event\":\"ready\",\"program\":\"stui_ceiling\",\"endpoint\":\"%s\",\"pid\":%d}\n", bound, (int) getpid());
    fflush(stdout);

    zmq_msg_t frames[MAX_FRAMES];
    for (int i = 0; i < MAX_FRAMES; i++) zmq_msg_init(&frames[i]);
    long long start = now_ns();
    long long deadline = start + (long long) (max_seconds * 1e9);
    long requests = 0, dropped = 0;

    while (!stop_requested) {
        if (zmq_msg_recv(&frames[0], router, 0) == -1) {
            if (zmq_errno() == EAGAIN || zmq_errno() == EINTR) {
                if (now_ns() > deadline) break;
                continue;
            }
            fprintf(stderr, "zmq_msg_recv failed: %s\n", zmq_strerror(zmq_errno()));
            break;
        }
        /* Read the whole multipart message; frames beyond MAX_FRAMES are read and discarded. */
        int n = 1;
        int overflow = 0;
        int more = zmq_msg_more(&frames[0]);
        while (more) {
            zmq_msg_t *into = &frames[n < MAX_FRAMES ? n : MAX_FRAMES - 1];
            if (zmq_msg_recv(into, router, 0) == -1) break;
            more = zmq_msg_more(into);
            if (n < MAX_FRAMES) n++; else overflow = 1;
        }
        if (overflow || n < 2) { dropped++; continue; }
        /* Envelope: identity plus everything up to and including the first empty frame, if any. */
        int envelope = 1;
        for (int i = 1; i < n - 1; i++) {
            if (zmq_msg_size(&frames[i]) == 0) { envelope = i + 1; break; }
        }
        for (int i = 0; i < envelope; i++) {
            zmq_msg_send(&frames[i], router, ZMQ_SNDMORE);
        }
        if (busy_ns > 0) {
            long long until = now_ns() + busy_ns;
            while (now_ns() < until) {
            }
        }
        zmq_send(router, REPLY, sizeof REPLY - 1, 0);
        requests++;
        if ((requests & 1023) == 0 && now_ns() > deadline) break;
    }
    double seconds = (now_ns() - start) / 1e9;
    for (int i = 0; i < MAX_FRAMES; i++) zmq_msg_close(&frames[i]);
    zmq_close(router);
    zmq_ctx_term(ctx);
    printf("{\"program\":\"stui_ceiling\",\"endpoint\":\"%s\",\"requests\":%ld,\"dropped\":%ld,"
           "\"elapsed_s\":%.3f,\"avg_rps\":%.1f}\n", bound, requests, dropped, seconds, requests / seconds);
    return 0;
}
