// The national treatment form shows only the journey stages of the chosen kind. The `kind`
// field's panel is the controller; each stage's panel names the kinds that use it in
// `data-fnsp-journey-stage`. A stage with a form error stays visible, so the editor can see
// and move text that Treatment.clean refused.
class JourneyStagesController extends window.StimulusModule.Controller {
  connect() {
    this.show();
  }

  show() {
    const kind = this.element.querySelector("select").value;
    const form = this.element.closest("form");
    form.querySelectorAll("[data-fnsp-journey-stage]").forEach((panel) => {
      const used = panel.dataset.fnspJourneyStage.split(" ").includes(kind);
      panel.hidden = !used && !panel.querySelector(".error-message");
    });
  }
}

window.wagtail.app.register("fnsp-journey-stages", JourneyStagesController);
