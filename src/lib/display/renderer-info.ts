/**
 * Whether this browser draws WebGL in software, without a usable GPU: SwiftShader (Chrome
 * on a machine or virtual desktop without a GPU, headless), llvmpipe and softpipe (Linux
 * Mesa), the Microsoft Basic Render Driver (WARP, Windows virtual desktops). Municipal
 * VDI/Citrix desktops often run this way. Read once, from a throwaway WebGL context.
 */

let renderer: string | null = null;

/** The WebGL renderer's name ('' without WebGL or outside a browser). */
export function webglRenderer(): string {
  if (renderer !== null) return renderer;
  renderer = '';
  if (typeof document === 'undefined') return renderer;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl) {
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL: the map reports that itself.
  }
  return renderer;
}

export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|basic render driver|software rasterizer/i.test(name);
}
