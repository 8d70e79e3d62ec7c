/* Prints the C layout of zmq.h's structs as key=value lines; StructLayoutMatchesCTest compares them
 * with the generated Java layouts. Built with gcc at test time against the installed zmq.h. */
#include <stddef.h>
#include <stdio.h>
#include <zmq.h>

#define FIELD(type, field) \
    printf(#type "." #field ".offset=%zu\n", offsetof(type, field)); \
    printf(#type "." #field ".size=%zu\n", sizeof(((type *) 0)->field))

int main(void)
{
    printf("zmq_msg_t.size=%zu\n", sizeof(zmq_msg_t));
    printf("zmq_msg_t.align=%zu\n", _Alignof(zmq_msg_t));
    FIELD(zmq_msg_t, _);
    printf("zmq_pollitem_t.size=%zu\n", sizeof(zmq_pollitem_t));
    printf("zmq_pollitem_t.align=%zu\n", _Alignof(zmq_pollitem_t));
    FIELD(zmq_pollitem_t, socket);
    FIELD(zmq_pollitem_t, fd);
    FIELD(zmq_pollitem_t, events);
    FIELD(zmq_pollitem_t, revents);
    return 0;
}
