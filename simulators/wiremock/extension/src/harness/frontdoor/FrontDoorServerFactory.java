// WireMock's own Jetty 11 server with the harness's front-door handling around it: unreadable bodies marked, never an HTML page.
package harness.frontdoor;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Started with {@code --extensions harness.frontdoor.FrontDoorServerFactory}: the same server WireMock builds by
 * default, with {@link UnreadableBodyGuard} in front of its handlers and {@link JsonErrorHandler} wherever Jetty would
 * render an error page (the server, for requests Jetty refuses before any handler, and the stub context, for
 * exceptions inside WireMock).
 */
public final class FrontDoorServerFactory implements HttpServerFactory {
  @Override
  public String getName() {
    return "harness-front-door";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      protected Handler createHandler(
          Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        UnreadableBodyGuard guard = new UnreadableBodyGuard();
        guard.setHandler(super.createHandler(options, admin, stubs));
        return guard;
      }

      @Override
      protected void applyAdditionalServerConfiguration(Server server, Options options) {
        super.applyAdditionalServerConfiguration(server, options);
        server.setErrorHandler(new JsonErrorHandler());
      }

      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateMockServiceContextBeforeConfig(context);
        context.setErrorHandler(new JsonErrorHandler());
      }
    };
  }
}
