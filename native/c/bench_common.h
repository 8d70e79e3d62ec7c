/*
 * Helpers shared by the C reference programs: monotonic clock, argument parsing that fails
 * with a usage line, and a wall-clock budget so that every program stops by itself.
 */
#ifndef STUI_BENCH_COMMON_H
#define STUI_BENCH_COMMON_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static inline long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline void die_usage(const char *usage) {
    fprintf(stderr, "usage: %s\n", usage);
    exit(2);
}

/* Exits with a one-line reason when a libzmq call failed (rc == -1). */
static inline void check(int rc, const char *what) {
    if (rc == -1) {
        fprintf(stderr, "%s failed: %s\n", what, zmq_strerror(zmq_errno()));
        exit(1);
    }
}

static inline long parse_long(const char *text, const char *name, long min, long max, const char *usage) {
    char *end = NULL;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < min || v > max) {
        fprintf(stderr, "bad %s '%s' (expected an integer from %ld to %ld)\n", name, text, min, max);
        die_usage(usage);
    }
    return v;
}

static inline double parse_seconds(const char *text, const char *usage) {
    char *end = NULL;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || v <= 0 || v > 3600) {
        fprintf(stderr, "bad max_seconds '%s' (expected a number of seconds from 0 to 3600)\n", text);
        die_usage(usage);
    }
    return v;
}

/* Binds a socket and answers the endpoint actually bound (tcp port chosen by the kernel when ":*"). */
static inline void bind_and_resolve(void *socket, const char *endpoint, char *resolved, size_t resolved_len) {
    check(zmq_bind(socket, endpoint), "zmq_bind");
    size_t len = resolved_len;
    check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, resolved, &len), "zmq_getsockopt(ZMQ_LAST_ENDPOINT)");
}

/* "tcp" -> an ephemeral loopback port, "inproc" -> a private name; anything else is a usage error. */
static inline const char *bind_endpoint_for(const char *transport, const char *inproc_name, const char *usage) {
    if (strcmp(transport, "tcp") == 0) return "tcp://127.0.0.1:*";
    if (strcmp(transport, "inproc") == 0) return inproc_name;
    fprintf(stderr, "bad transport '%s' (expected tcp or inproc)\n", transport);
    die_usage(usage);
    return NULL;
}

#endif
