package io.salesdw.serve.flight;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client's address of the call being handled, which Flight's authenticator is not given and the
 * log-in throttle and the audit need. A gRPC stream tracer rather than an interceptor: Flight adds
 * its authenticating interceptor outermost, so no interceptor of ours runs before it, but tracers
 * see every call first. The tracer puts a holder in the call's context, and fills it when the call
 * starts, before any interceptor runs.
 */
final class ClientAddress extends ServerStreamTracer.Factory {
  static final String UNKNOWN = "unknown";
  private static final Context.Key<AtomicReference<String>> KEY =
      Context.key("salesdw-client-address");

  /** The current call's client, as {@code host:port}. */
  static String current() {
    AtomicReference<String> holder = KEY.get();
    String address = holder == null ? null : holder.get();
    return address == null ? UNKNOWN : address;
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    AtomicReference<String> address = new AtomicReference<>();
    return new ServerStreamTracer() {
      @Override
      public Context filterContext(Context context) {
        return context.withValue(KEY, address);
      }

      @Override
      public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
        address.set(format(callInfo.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
      }
    };
  }

  private static String format(SocketAddress remote) {
    if (!(remote instanceof InetSocketAddress)) {
      return UNKNOWN;
    }
    InetSocketAddress inet = (InetSocketAddress) remote;
    String host =
        inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
  }
}
