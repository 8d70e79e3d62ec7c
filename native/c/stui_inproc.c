/*
 * Per-call costs inside one thread, against libzmq directly: the C side of the "what the Java side
 * adds" benchmarks. A 16-byte message sent and received again on an inproc PAIR by one thread
 * (it never leaves the process, and the receive never has to wait for it), one zmq_getsockopt(ZMQ_EVENTS), one zmq_msg_size. Prints one
 * JSON line with nanoseconds per operation.
 *
 *   stui_inproc [iterations=2000000] [max_seconds=10]
 */
#include "bench_common.h"

static const char *USAGE = "stui_inproc [iterations=2000000] [max_seconds=10]";

/* Keeps results alive so the compiler cannot drop the calls. */
static volatile long sink;

int main(int argc, char **argv) {
    if (argc > 3) die_usage(USAGE);
    long iterations = argc > 1 ? parse_long(argv[1], "iterations", 1000, 1000000000L, USAGE) : 2000000;
    double max_seconds = argc > 2 ? parse_seconds(argv[2], USAGE) : 10.0;
    long long budget_ns = (long long) (max_seconds * 1e9 / 3); /* three loops share the budget */

    void *ctx = zmq_ctx_new();
    void *a = zmq_socket(ctx, ZMQ_PAIR);
    void *b = zmq_socket(ctx, ZMQ_PAIR);
    int linger = 0;
    zmq_setsockopt(a, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(b, ZMQ_LINGER, &linger, sizeof linger);
    check(zmq_bind(a, "inproc://stui-inproc"), "zmq_bind");
    check(zmq_connect(b, "inproc://stui-inproc"), "zmq_connect");
    char payload[16], buffer[16];
    memset(payload, 'x', sizeof payload);
    /* Prime the pipe with a blocking exchange, as the Java benchmark does. */
    check(zmq_send(a, payload, sizeof payload, 0), "zmq_send");
    check(zmq_recv(b, buffer, sizeof buffer, 0), "zmq_recv");

    long failures = 0, n;
    long long t0 = now_ns(), t1;
    for (n = 0; n < iterations; n++) {
        /* Blocking calls that never wait: the message is in the pipe before the receive. */
        if (zmq_send(a, payload, sizeof payload, 0) != 16) failures++;
        if (zmq_recv(b, buffer, sizeof buffer, 0) != 16) failures++;
        if ((n & 4095) == 0 && now_ns() - t0 > budget_ns) { n++; break; }
    }
    t1 = now_ns();
    double send_recv_ns = (double) (t1 - t0) / n;

    int events;
    size_t len;
    t0 = now_ns();
    for (n = 0; n < iterations; n++) {
        len = sizeof events;
        zmq_getsockopt(a, ZMQ_EVENTS, &events, &len);
        sink += events;
        if ((n & 4095) == 0 && now_ns() - t0 > budget_ns) { n++; break; }
    }
    t1 = now_ns();
    double events_ns = (double) (t1 - t0) / n;

    zmq_msg_t msg;
    zmq_msg_init_size(&msg, 16);
    t0 = now_ns();
    for (n = 0; n < iterations; n++) {
        sink += (long) zmq_msg_size(&msg);
        if ((n & 4095) == 0 && now_ns() - t0 > budget_ns) { n++; break; }
    }
    t1 = now_ns();
    double msg_size_ns = (double) (t1 - t0) / n;
    zmq_msg_close(&msg);

    zmq_close(a);
    zmq_close(b);
    zmq_ctx_term(ctx);
    printf("{\"program\":\"stui_inproc\",\"iterations\":%ld,\"send_receive_inprocess_ns\":%.2f,"
           "\"getsockopt_events_ns\":%.2f,\"msg_size_ns\":%.2f,\"errors\":%ld}\n",
           iterations, send_recv_ns, events_ns, msg_size_ns, failures);
    return failures ? 1 : 0;
}
