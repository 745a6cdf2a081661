import { ShaderMaterial, Vector3 } from 'three';

/**
 * The pipe material: one draw for the whole network. Each instance carries its colour
 * (`instanceColor`, from the flow ramp), its length and a signed flow speed; bright dashes run
 * along the pipe in the flow direction. Fragments outside the visible height band are cut,
 * which is how floor isolation hides the pipes of other storeys and buildings.
 */

/** Per-instance attribute names shared with the component that fills them. */
export const PIPE_ATTR_FLOW = 'aFlow';
export const PIPE_ATTR_LENGTH = 'aLength';

const vertexShader = /* glsl */ `
attribute float aFlow;
attribute float aLength;
varying vec3 vColor;
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
  vec4 world = modelMatrix * instanceMatrix * vec4(position, 1.0);
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
varying vec3 vColor;
varying float vAlongM;
varying float vFlow;
varying vec3 vWorld;
varying float vShade;

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
    },
  });
}
