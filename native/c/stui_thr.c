/*
 * PUSH/PULL throughput against libzmq directly, over tcp (loopback) or inproc, one process with a
 * sender thread. The receiver times from the first message to the last, as libzmq's local_thr does.
 * Prints one JSON line: messages/s and MB/s (1 MB = 10^6 bytes).
 *
 *   stui_thr <tcp|inproc> <size_bytes> <count> [max_seconds=10]
 *
 * The sender stops early when max_seconds pass and then sends an empty message, which ends the run.
 */
#include "bench_common.h"

#include <pthread.h>

static const char *USAGE = "stui_thr <tcp|inproc> <size_bytes> <count> [max_seconds=10]";

typedef struct {
    void *socket;
    long size;
    long count;
    long long deadline_ns;
    long sent;
} sender_args;

static void *send_loop(void *arg) {
    sender_args *a = arg;
    char *payload = malloc((size_t) a->size);
    memset(payload, 'x', (size_t) a->size);
    long i = 0;
    for (; i < a->count; i++) {
        if (zmq_send(a->socket, payload, (size_t) a->size, 0) == -1) break;
        if ((i & 1023) == 1023 && now_ns() > a->deadline_ns) { i++; break; }
    }
    a->sent = i;
    zmq_send(a->socket, "", 0, 0); /* end of run */
    free(payload);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) die_usage(USAGE);
    const char *transport = argv[1];
    const char *endpoint = bind_endpoint_for(transport, "inproc://stui-thr", USAGE);
    long size = parse_long(argv[2], "size_bytes", 1, 64L * 1024 * 1024, USAGE);
    long count = parse_long(argv[3], "count", 1, 1000000000L, USAGE);
    double max_seconds = argc > 4 ? parse_seconds(argv[4], USAGE) : 10.0;

    void *ctx = zmq_ctx_new();
    void *pull = zmq_socket(ctx, ZMQ_PULL);
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    if (!ctx || !pull || !push) check(-1, "zmq_socket");
    int timeout_ms = 5000;
    zmq_setsockopt(pull, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);
    int linger = 0;
    zmq_setsockopt(pull, ZMQ_LINGER, &linger, sizeof linger);

    char bound[256];
    bind_and_resolve(pull, endpoint, bound, sizeof bound);
    check(zmq_connect(push, bound), "zmq_connect");

    sender_args args = {push, size, count, now_ns() + (long long) (max_seconds * 1e9), 0};
    pthread_t sender;
    pthread_create(&sender, NULL, send_loop, &args);

    zmq_msg_t msg;
    zmq_msg_init(&msg);
    long received = 0;
    long long first = 0, last = 0;
    int failed = 0;
    for (;;) {
        if (zmq_msg_recv(&msg, pull, 0) == -1) { failed = 1; break; }
        if (zmq_msg_size(&msg) == 0) break;
        last = now_ns();
        if (received++ == 0) first = last;
    }
    zmq_msg_close(&msg);
    pthread_join(sender, NULL);
    zmq_close(push);
    zmq_close(pull);
    zmq_ctx_term(ctx);

    if (failed || received < 2) {
        fprintf(stderr, "throughput run failed after %ld messages: %s\n", received,
                failed ? zmq_strerror(zmq_errno()) : "too few messages");
        return 1;
    }
    /* The clock starts at the first message, so the rate covers received - 1 intervals. */
    double seconds = (last - first) / 1e9;
    double msgs_per_s = (received - 1) / seconds;
    printf("{\"program\":\"stui_thr\",\"pattern\":\"push_pull\",\"transport\":\"%s\",\"size\":%ld,\"count\":%ld,"
           "\"elapsed_s\":%.6f,\"msgs_per_s\":%.1f,\"mb_per_s\":%.3f,\"errors\":%d}\n",
           transport, size, received, seconds, msgs_per_s, msgs_per_s * size / 1e6, received == args.sent ? 0 : 1);
    return received == args.sent ? 0 : 1;
}
