// Entry for JupyterLab: anywidget's module contract (a default export with render).
import { render } from "./render.js";

export default { render };
