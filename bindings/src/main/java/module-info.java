/** The generated Panama bindings to libzmq (jextract-shaped; regenerate with native/regen-bindings.sh). */
module io.stui.zmq.bindings {
    exports io.stui.zmq.bindings;
}
