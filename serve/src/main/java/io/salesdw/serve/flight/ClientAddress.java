package io.salesdw.serve.flight;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The client's address of the call being handled: Flight's authenticator is not given it, and the
 * log-in throttle and the audit need it. A gRPC interceptor on the whole server, so it runs before
 * Flight's own and its value is current while they authenticate the call.
 */
final class ClientAddress implements ServerInterceptor {
  private static final Context.Key<String> KEY = Context.key("salesdw-client-address");
  static final String UNKNOWN = "unknown";

  /** The current call's client, as {@code host:port}. */
  static String current() {
    String address = KEY.get();
    return address == null ? UNKNOWN : address;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String address = UNKNOWN;
    if (remote instanceof InetSocketAddress) {
      InetSocketAddress inet = (InetSocketAddress) remote;
      String host =
          inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      address = (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return Contexts.interceptCall(Context.current().withValue(KEY, address), call, headers, next);
  }
}
