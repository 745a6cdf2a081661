import { ShaderMaterial, Vector3 } from 'three';

/**
 * The pipe material: one draw for the whole network. Each instance carries its colour
 * (`instanceColor`, from the flow ramp), its length and a signed flow speed; bright dashes run
 * along the pipe in the flow direction. Fragments outside the visible height band are cut,
 * which is how floor isolation hides the pipes of other storeys and buildings. A pipe an open
 * alert suspects (`aSuspect` > 0) is drawn thicker and pulses.
 */

/** Per-instance attribute names shared with the component that fills them. */
export const PIPE_ATTR_FLOW = 'aFlow';
export const PIPE_ATTR_LENGTH = 'aLength';
export const PIPE_ATTR_SUSPECT = 'aSuspect';

const vertexShader = /* glsl */ `
attribute float aFlow;
attribute float aLength;
attribute float aSuspect;
varying vec3 vColor;
varying float vSuspect;
varying float vAlongM;
varying float vFlow;
varying vec3 vWorld;
varying float vShade;

void main() {
  #ifdef USE_INSTANCING_COLOR
    vColor = instanceColor;
  #else
    vColor = vec3(0.5);
  #endif
  // The unit cylinder runs from y = -0.5 (upstream) to y = +0.5 (downstream).
  vAlongM = (position.y + 0.5) * aLength;
  vFlow = aFlow;
  vSuspect = aSuspect;
  // Suspect pipes are drawn up to twice as thick, so they read from the whole-site view.
  float widen = 1.0 + step(0.0001, aSuspect) * (0.6 + 0.4 * aSuspect);
  vec3 local = vec3(position.x * widen, position.y, position.z * widen);
  vec4 world = modelMatrix * instanceMatrix * vec4(local, 1.0);
  vWorld = world.xyz;
  // Cheap side lighting: brighter where the surface faces the camera.
  vec3 n = normalize(normalMatrix * mat3(instanceMatrix) * normal);
  vShade = 0.55 + 0.45 * abs(n.z);
  gl_Position = projectionMatrix * viewMatrix * world;
}
`;

const fragmentShader = /* glsl */ `
uniform float uTimeS;
uniform vec3 uBoxMin;
uniform vec3 uBoxMax;
uniform float uProjected;
varying vec3 vColor;
varying float vAlongM;
varying float vFlow;
varying vec3 vWorld;
varying float vShade;
varying float vSuspect;

void main() {
  if (any(lessThan(vWorld, uBoxMin)) || any(greaterThan(vWorld, uBoxMax))) discard;
  float strength = abs(vFlow);
  // Dashes 1.2 m apart moving at 0.6…3 m/s with the flow; none on still pipes.
  float speed = 0.6 + 2.4 * strength;
  float phase = fract((vAlongM - sign(vFlow) * speed * uTimeS) / 1.2);
  float dash = smoothstep(0.0, 0.15, phase) * (1.0 - smoothstep(0.35, 0.5, phase));
  dash *= step(0.001, strength);
  vec3 base = vColor * vShade;
  vec3 color = mix(base, min(vColor * 1.6 + 0.25, vec3(1.0)), dash * 0.85);
  // Suspect pipes pulse about once a second, brighter the surer the alert.
  float pulse = 0.5 + 0.5 * sin(uTimeS * 6.2832);
  float glow = step(0.0001, vSuspect) * pulse * (0.35 + 0.45 * vSuspect);
  color = mix(color, min(vColor * 1.4 + 0.3, vec3(1.0)), glow);
  // A projection is drawn dashed: every other 0.5 m of pipe is dimmed, so projected flows
  // never look like the solid measured pipes.
  float gap = step(0.5, fract(vAlongM / 1.0)) * uProjected;
  color *= 1.0 - 0.6 * gap;
  gl_FragColor = vec4(color, 1.0);
  #include <colorspace_fragment>
}
`;

export function createPipeMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      uTimeS: { value: 0 },
      uBoxMin: { value: new Vector3(-1e6, -1e6, -1e6) },
      uBoxMax: { value: new Vector3(1e6, 1e6, 1e6) },
      /** 1 while a retrofit projection is drawn (dashed style), else 0. */
      uProjected: { value: 0 },
    },
  });
}
