// Starts Swagger UI on /api/v1/docs over the API's own OpenAPI document. No validator badge:
// it would send the document to a server elsewhere, and nothing here leaves this server.
window.addEventListener("load", function () {
  var holder = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: holder.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
