package dev.goldsmith.ui.batch;

import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Lets a test pick its loopback provider after the window (and the server) started. */
final class DelegatingDispatcher extends Dispatcher {

    private final Supplier<? extends Dispatcher> target;

    DelegatingDispatcher(Supplier<? extends Dispatcher> target) {
        this.target = target;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return target.get().dispatch(request);
    }
}
