package io.stui.smalltalk.objects;

import java.util.List;
import java.util.Map;

/**
 * What a layer shows the layers over it (the server's image, to its sessions): its globals, every method of its
 * own classes and its extensions of kernel classes, and its classes, copied into immutable maps when the layer
 * publishes (at the end of each of its requests), so a session reads one consistent state while the image goes on
 * changing.
 *
 * @param token the publishing environment's token when it published
 * @param methods per class (and metaclass): all methods of the layer's own classes, the layer's extensions of others
 * @param extendsKernel true when the layer adds or replaces a method of a kernel class
 */
public record LayerView(
        Object token,
        Map<String, Binding> globals,
        Map<StClass, Map<StSymbol, CompiledMethod>> methods,
        List<StClass> classes,
        boolean extendsKernel) {}
