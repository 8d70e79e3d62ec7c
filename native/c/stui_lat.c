/*
 * Round-trip latency against libzmq directly: REQ/REP or DEALER/ROUTER, over tcp (loopback) or
 * inproc, one process with an echo thread. Prints one JSON line with the round-trip figures
 * (avg, min, p50, p99, max). The minimum is the round trip with every thread awake: on a VM whose
 * idle vCPUs halt, medians land on one of a few wake-up "levels" and swing between runs.
 *
 *   stui_lat <req_rep|dealer_router> <tcp|inproc> <size_bytes> <count> [max_seconds=10] [warmup] [zerocopy|copy]
 *
 * After up to [warmup] unmeasured round trips (default 1,000; at most a quarter of max_seconds), the
 * run stops after <count> measured round trips or after max_seconds, whichever comes first
 * ("count" and "warmup" in the output say how many there were).
 *
 * zerocopy (default): the echo thread sends back the zmq_msg_t it received and the client only
 * looks at the reply's size, so the only copy of the payload in user code is zmq_send's on the
 * client. copy: every receive copies the frame out into a buffer and every send goes from a
 * buffer (zmq_send), on both sides: what an API that receives into and sends from arrays does.
 */
#include "bench_common.h"

#include <pthread.h>
#include <stdbool.h>

static const char *USAGE =
    "stui_lat <req_rep|dealer_router> <tcp|inproc> <size_bytes> <count> [max_seconds=10] [warmup] [zerocopy|copy]";

typedef struct {
    void *socket;
    bool router; /* ROUTER frames carry the peer identity first */
    bool copy;   /* copy each frame out and send it again from the buffer */
    size_t size; /* the largest frame (for the copy buffer) */
} echo_args;

/* Echoes every message (all frames, identity included) until the context terminates. */
static void *echo_loop(void *arg) {
    echo_args *a = arg;
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    char *buf = a->copy ? malloc(a->size < 256 ? 256 : a->size) : NULL;
    for (;;) {
        int n = zmq_msg_recv(&frame, a->socket, 0);
        if (n == -1) break; /* ETERM: the run is over */
        int more = zmq_msg_more(&frame);
        int flags = more ? ZMQ_SNDMORE : 0;
        if (a->copy) {
            memcpy(buf, zmq_msg_data(&frame), (size_t) n);
            if (zmq_send(a->socket, buf, (size_t) n, flags) == -1) break;
        } else if (zmq_msg_send(&frame, a->socket, flags) == -1) {
            break;
        }
    }
    free(buf);
    zmq_msg_close(&frame);
    zmq_close(a->socket);
    return NULL;
}

static int compare_ll(const void *x, const void *y) {
    long long a = *(const long long *) x, b = *(const long long *) y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    if (argc < 5 || argc > 8) die_usage(USAGE);
    bool dealer;
    if (strcmp(argv[1], "req_rep") == 0) dealer = false;
    else if (strcmp(argv[1], "dealer_router") == 0) dealer = true;
    else { fprintf(stderr, "bad pattern '%s'\n", argv[1]); die_usage(USAGE); return 2; }
    const char *transport = argv[2];
    const char *endpoint = bind_endpoint_for(transport, "inproc://stui-lat", USAGE);
    long size = parse_long(argv[3], "size_bytes", 1, 64L * 1024 * 1024, USAGE);
    long count = parse_long(argv[4], "count", 1, 1000000000L, USAGE);
    double max_seconds = argc > 5 ? parse_seconds(argv[5], USAGE) : 10.0;
    long warmup = argc > 6 ? parse_long(argv[6], "warmup", 0, 1000000000L, USAGE) : (count / 10 < 1000 ? count / 10 : 1000);
    bool copy = false;
    if (argc > 7) {
        if (strcmp(argv[7], "copy") == 0) copy = true;
        else if (strcmp(argv[7], "zerocopy") != 0) { fprintf(stderr, "bad mode '%s'\n", argv[7]); die_usage(USAGE); }
    }

    void *ctx = zmq_ctx_new();
    void *server = zmq_socket(ctx, dealer ? ZMQ_ROUTER : ZMQ_REP);
    void *client = zmq_socket(ctx, dealer ? ZMQ_DEALER : ZMQ_REQ);
    if (!ctx || !server || !client) check(-1, "zmq_socket");
    int linger = 0;
    zmq_setsockopt(client, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(server, ZMQ_LINGER, &linger, sizeof linger);
    /* A lost peer must not hang the run: give up a receive after 5 s. */
    int timeout_ms = 5000;
    zmq_setsockopt(client, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);

    char bound[256];
    bind_and_resolve(server, endpoint, bound, sizeof bound);
    check(zmq_connect(client, bound), "zmq_connect");

    echo_args args = {server, dealer, copy, (size_t) size};
    pthread_t echo;
    pthread_create(&echo, NULL, echo_loop, &args);

    char *payload = malloc((size_t) size);
    memset(payload, 'x', (size_t) size);
    char *reply_buf = malloc((size_t) size);
    long long *samples = malloc(sizeof(long long) * (size_t) count);
    zmq_msg_t reply;
    zmq_msg_init(&reply);

    /* The warm-up may take a quarter of the budget at most (on a busy machine 1,000 round trips of
     * 64 KiB can take longer than a short budget); the measured round trips then get the whole budget. */
    long long budget_ns = (long long) (max_seconds * 1e9);
    long long start = now_ns();
    long measured = 0;
    long warmed = 0;
    long long measured_ns = 0;
    int failures = 0;
    bool warming = warmup > 0;
    while (measured < count) {
        long long t0 = now_ns();
        if (zmq_send(client, payload, (size_t) size, 0) == -1) { failures++; break; }
        if (zmq_msg_recv(&reply, client, 0) == -1) { failures++; break; }
        if (copy) memcpy(reply_buf, zmq_msg_data(&reply), zmq_msg_size(&reply) < (size_t) size ? zmq_msg_size(&reply) : (size_t) size);
        long long t1 = now_ns();
        if (zmq_msg_size(&reply) != (size_t) size) { failures++; break; }
        if (warming) {
            if (++warmed >= warmup || t1 - start > budget_ns / 4) {
                warming = false;
                start = t1; /* the measured part's budget starts now */
            }
            continue;
        }
        samples[measured++] = t1 - t0;
        measured_ns += t1 - t0;
        if (t1 - start > budget_ns) break;
    }
    zmq_msg_close(&reply);
    zmq_close(client);
    zmq_ctx_term(ctx); /* wakes the echo thread with ETERM once its socket is the last one */
    pthread_join(echo, NULL);

    if (measured == 0) {
        fprintf(stderr, "no round trip completed (%s)\n", zmq_strerror(zmq_errno()));
        return 1;
    }
    qsort(samples, (size_t) measured, sizeof(long long), compare_ll);
    double avg_us = measured_ns / 1e3 / measured;
    printf("{\"program\":\"stui_lat\",\"pattern\":\"%s\",\"transport\":\"%s\",\"size\":%ld,\"mode\":\"%s\",\"count\":%ld,"
           "\"warmup\":%ld,\"avg_rtt_us\":%.3f,\"min_rtt_us\":%.3f,\"p50_rtt_us\":%.3f,\"p99_rtt_us\":%.3f,\"max_rtt_us\":%.3f,"
           "\"round_trips_per_s\":%.1f,\"errors\":%d}\n",
           argv[1], transport, size, copy ? "copy" : "zerocopy", measured, warmed, avg_us,
           samples[0] / 1e3, samples[measured / 2] / 1e3, samples[(long) ((measured - 1) * 0.99)] / 1e3, samples[measured - 1] / 1e3,
           1e6 / avg_us, failures);
    free(samples);
    free(payload);
    free(reply_buf);
    return failures ? 1 : 0;
}
