/** A program that uses stui-zmq from the module path. */
module io.stui.example.consumer {
    requires io.stui.zmq;
}
